import { describe, expect, it } from 'vitest';
import {
  ordinal,
  describeEnding,
  formatAccuracy,
  formatDuration,
  formatEta,
  formatFixed,
  formatMetric,
  formatTagValue,
  formatPercent,
  formatRate,
  formatRelative,
  progressFraction,
  progressParts,
  runDurationSeconds,
} from './format';

const progress = { epoch: 1, epochs: 3, step: 150, totalSteps: 600, imagesPerSec: 1234.6, etaSeconds: 185 };

describe('durations and ETA', () => {
  it('formats seconds, minutes, hours compactly', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45.4)).toBe('45s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(7620)).toBe('2h 07m');
  });

  it('shows a dash for unknown or nonsense values', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });

  it('says the ETA is unknown instead of 0 when the trainer has none', () => {
    expect(formatEta(null)).toBe('ETA —');
    expect(formatEta(61)).toBe('ETA 1m 01s');
  });
});

describe('progress', () => {
  it('computes a clamped fraction', () => {
    expect(progressFraction(progress)).toBe(0.25);
    expect(progressFraction({ ...progress, step: 700 })).toBe(1);
    expect(progressFraction({ ...progress, totalSteps: 0 })).toBe(0);
    expect(progressFraction(null)).toBe(0);
  });

  it('labels epoch, steps, rate, ETA and percent', () => {
    expect(progressParts(progress)).toEqual({
      epoch: 'epoch 1/3',
      steps: 'step 150/600',
      rate: '1,235 img/s',
      eta: 'ETA 3m 05s',
      percent: '25%',
    });
  });

  it('keeps a decimal for slow throughput', () => {
    expect(formatRate(12.34)).toBe('12.3 img/s');
    expect(formatRate(Number.NaN)).toBe('— img/s');
  });
});

describe('metrics and times', () => {
  it('formats accuracy as a percentage', () => {
    expect(formatAccuracy(0.4567)).toBe('45.7%');
    expect(formatAccuracy(undefined)).toBe('—');
  });

  it('never shows a negative zero (a gap of −0.0004 is "0.0%", not "-0.0%")', () => {
    expect(formatPercent(-0.0004)).toBe('0.0%');
    expect(formatPercent(-0)).toBe('0.0%');
    expect(formatPercent(-0.0006)).toBe('-0.1%');
    expect(formatAccuracy(-0.00001)).toBe('0.0%');
    expect(formatFixed(-0.00004, 4)).toBe('0.0000');
    expect(formatFixed(-0.00005001, 4)).toBe('-0.0001');
    expect(formatFixed(-0.4, 0)).toBe('0');
    expect(formatMetric(-0.00004)).toBe('-4.000e-5');
    expect(formatMetric(-0)).toBe('0.0000');
  });

  it('formats relative times against a given now', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(formatRelative('2025-01-01T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2025-01-01T11:57:00Z', now)).toBe('3m ago');
    expect(formatRelative('2025-01-01T09:00:00Z', now)).toBe('3h ago');
    expect(formatRelative(null, now)).toBe('—');
  });
});

describe('runDurationSeconds', () => {
  const base = { startedAt: '2025-01-01T12:00:00Z', finishedAt: null, durationSeconds: null };
  const now = Date.parse('2025-01-01T12:01:30Z');
  it('ticks from startedAt while running', () => {
    expect(runDurationSeconds({ ...base, status: 'running', durationSeconds: 10 }, now)).toBe(90);
  });
  it('prefers the API figure once finished, else computes it', () => {
    expect(runDurationSeconds({ ...base, status: 'completed', durationSeconds: 42 }, now)).toBe(42);
    expect(runDurationSeconds({ ...base, status: 'completed', finishedAt: '2025-01-01T12:00:45Z' }, now)).toBe(45);
  });
  it('is null for a run that never started', () => {
    expect(runDurationSeconds({ ...base, startedAt: null, status: 'queued' }, now)).toBeNull();
  });
});

describe('ordinal', () => {
  it('words places in line', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });
});

describe('describeEnding', () => {
  const base = { startedAt: '2025-01-01T12:00:00Z', finishedAt: '2025-01-01T12:03:05Z', durationSeconds: 185 };
  it('says how long a finished run ran', () => {
    expect(describeEnding({ ...base, status: 'completed' }, 0)).toBe('done after 3m 05s');
    expect(describeEnding({ ...base, status: 'cancelled' }, 0)).toBe('stopped after 3m 05s');
  });

  it('says a run cancelled (or failed) while queued never started, instead of "stopped after —"', () => {
    const queued = { startedAt: null, finishedAt: '2025-01-01T12:00:00Z', durationSeconds: null };
    expect(describeEnding({ ...queued, status: 'cancelled' }, 0)).toBe('cancelled before it started');
    expect(describeEnding({ ...queued, status: 'failed' }, 0)).toBe('failed before it started');
  });

  it('leaves out a duration it cannot know', () => {
    expect(describeEnding({ startedAt: '2025-01-01T12:00:00Z', finishedAt: null, durationSeconds: null, status: 'failed' }, 0)).toBe(
      'stopped',
    );
  });
});

describe('formatTagValue', () => {
  it('reads each kind of tag as people do', () => {
    expect(formatTagValue('test/accuracy', 0.942)).toBe(formatAccuracy(0.942));
    expect(formatTagValue('system/rss_mb', 1009.078125)).toBe('1,009.1');
    expect(formatTagValue('system/images_per_sec', 88.0056)).toBe('88');
    expect(formatTagValue('train/loss', 0.1125)).toBe(formatMetric(0.1125));
    expect(formatTagValue('system/rss_mb', undefined)).toBe('—');
  });
});
