import type { TRun, TRunProgress } from '@tensorscope/shared';

/** "45s", "3m 05s", "2h 07m": compact enough for a table cell, exact enough to watch. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** ETA is null until the trainer has timed a few steps; say so instead of showing 0. */
export function formatEta(etaSeconds: number | null | undefined): string {
  if (etaSeconds === null || etaSeconds === undefined || !Number.isFinite(etaSeconds)) return 'ETA —';
  return `ETA ${formatDuration(etaSeconds)}`;
}

export function formatRate(imagesPerSec: number | null | undefined): string {
  if (imagesPerSec === null || imagesPerSec === undefined || !Number.isFinite(imagesPerSec)) return '— img/s';
  const digits = imagesPerSec >= 100 ? 0 : 1;
  return `${imagesPerSec.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} img/s`;
}

/** Fraction of all steps done, clamped to [0, 1]; 0 when the total isn't known yet. */
export function progressFraction(progress: TRunProgress | null | undefined): number {
  if (!progress || progress.totalSteps <= 0) return 0;
  return Math.min(1, Math.max(0, progress.step / progress.totalSteps));
}

/** The pieces a progress bar shows, in reading order. */
export function progressParts(progress: TRunProgress): { epoch: string; steps: string; rate: string; eta: string; percent: string } {
  return {
    epoch: `epoch ${progress.epoch}/${progress.epochs}`,
    steps: `step ${progress.step.toLocaleString('en-US')}/${progress.totalSteps.toLocaleString('en-US')}`,
    rate: formatRate(progress.imagesPerSec),
    eta: formatEta(progress.etaSeconds),
    percent: `${Math.floor(progressFraction(progress) * 100)}%`,
  };
}

/**
 * `value.toFixed(digits)`, except that a value rounding to zero reads "0.0", never "-0.0": a gap of
 * −0.0004 is no gap, and a minus sign there reads as a (tiny) loss.
 */
export function formatFixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A fraction as a percentage with one decimal ("12.3%"), never "-0.0%". */
export const formatPercent = (fraction: number, digits = 1): string => `${formatFixed(fraction * 100, digits)}%`;

/** Accuracy in [0, 1] as a percentage with one decimal. */
export function formatAccuracy(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatPercent(value);
}

export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.abs(value) >= 1000 || (value !== 0 && Math.abs(value) < 0.001) ? value.toExponential(3) : formatFixed(value, 4);
}

/** Absolute local time, e.g. "2025-11-27 14:03:09", sortable by eye in a table. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "3m ago"; `now` is passed in so the caller decides when it ticks (and tests stay pure). */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '—';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86_400)}d ago`;
}

/**
 * Seconds of training: live from startedAt while running (`now` ticks), else the API's
 * durationSeconds, else finishedAt − startedAt; null when the run never started.
 */
export function runDurationSeconds(run: Pick<TRun, 'status' | 'startedAt' | 'finishedAt' | 'durationSeconds'>, now: number): number | null {
  const started = run.startedAt ? Date.parse(run.startedAt) : Number.NaN;
  if (run.status === 'running' && !Number.isNaN(started)) return Math.max(0, (now - started) / 1000);
  if (run.durationSeconds !== null) return run.durationSeconds;
  const finished = run.finishedAt ? Date.parse(run.finishedAt) : Number.NaN;
  if (!Number.isNaN(started) && !Number.isNaN(finished)) return Math.max(0, (finished - started) / 1000);
  return null;
}

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd" (a queued run's place in line). */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * How a finished run ended, for a table cell: "done after 3m 05s", "stopped after 12s", or, for a
 * run cancelled (or failed) while still queued, "cancelled before it started" rather than
 * "stopped after —". A duration that isn't known is left out, never shown as a dash.
 */
export function describeEnding(run: Pick<TRun, 'status' | 'startedAt' | 'finishedAt' | 'durationSeconds'>, now: number): string {
  const outcome = run.status === 'completed' ? 'done' : 'stopped';
  if (run.status !== 'completed' && !run.startedAt) return `${run.status === 'failed' ? 'failed' : 'cancelled'} before it started`;
  const seconds = runDurationSeconds(run, now);
  return seconds === null ? outcome : `${outcome} after ${formatDuration(seconds)}`;
}

/** A logged tag's value as people read it: accuracy in %, the worker's numbers (MB, %, images/s) to one decimal, losses to 4. */
export function formatTagValue(tag: string, value: number | null | undefined): string {
  if (tag.endsWith('accuracy')) return formatAccuracy(value);
  if (tag.startsWith('system/') && value !== null && value !== undefined && Number.isFinite(value))
    return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return formatMetric(value);
}
