import type { TRunProgress } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { SYSTEM_TAGS } from '@tensorscope/shared';
import { createSystemSampler, nodeProcessProbe } from './system-metrics.sampler';

const progress = (step: number, imagesPerSec = 500): TRunProgress => ({
  epoch: 1,
  epochs: 1,
  step,
  totalSteps: 100,
  imagesPerSec,
  etaSeconds: null,
});

describe('createSystemSampler', () => {
  it('logs CPU % against the previous sample, RSS in MB and images/s, at most every interval', () => {
    let now = 1_000;
    let cpu = 0;
    const sample = createSystemSampler({ nowMs: () => now, cpuMicros: () => cpu, rssBytes: () => 512 * 2 ** 20 }, 5_000);
    expect(sample(progress(1))).toEqual([
      { tag: SYSTEM_TAGS.rss, step: 1, wallTime: 1_000, value: 512 },
      { tag: SYSTEM_TAGS.throughput, step: 1, wallTime: 1_000, value: 500 },
    ]);
    now = 4_000;
    expect(sample(progress(2))).toEqual([]);
    // 10 s later, 15 s of CPU time: one and a half cores busy.
    now = 11_000;
    cpu = 15_000_000;
    expect(sample(progress(30, 640))).toEqual([
      { tag: SYSTEM_TAGS.cpu, step: 30, wallTime: 11_000, value: 150 },
      { tag: SYSTEM_TAGS.rss, step: 30, wallTime: 11_000, value: 512 },
      { tag: SYSTEM_TAGS.throughput, step: 30, wallTime: 11_000, value: 640 },
    ]);
  });

  it('reads this process: CPU time grows while it works, RSS is its real size', () => {
    const before = nodeProcessProbe.cpuMicros();
    let x = 0;
    for (let i = 0; i < 2e7; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    expect(nodeProcessProbe.cpuMicros()).toBeGreaterThan(before);
    expect(nodeProcessProbe.rssBytes()).toBeGreaterThan(10 * 2 ** 20);
  });
});
