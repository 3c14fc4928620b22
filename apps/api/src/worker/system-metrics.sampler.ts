import { SYSTEM_TAGS, type TRunProgress, type TTaggedScalar } from '@tensorscope/shared';

export interface TProcessProbe {
  /** Process CPU time in microseconds (user + system, every thread), as process.cpuUsage() gives it. */
  cpuMicros(): number;
  /** Resident set size in bytes. */
  rssBytes(): number;
  /** Wall clock in milliseconds. */
  nowMs(): number;
}

export const nodeProcessProbe: TProcessProbe = {
  cpuMicros: () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  },
  rssBytes: () => process.memoryUsage.rss(),
  nowMs: () => Date.now(),
};

/**
 * Samples the worker process at most every `everyMs` while a run trains, at the step the progress
 * report names. CPU % is process CPU time over wall time since the last sample, so the trainer
 * thread and the process's own work both count and two busy cores read 200 % (as `top` says it).
 */
export function createSystemSampler(probe: TProcessProbe, everyMs: number): (progress: TRunProgress) => TTaggedScalar[] {
  let last: { cpu: number; at: number } | undefined;
  return (progress) => {
    const at = probe.nowMs();
    if (last && at - last.at < everyMs) return [];
    const cpu = probe.cpuMicros();
    const previous = last;
    last = { cpu, at };
    const point = (tag: string, value: number): TTaggedScalar => ({ tag, step: progress.step, wallTime: at, value });
    const points = [point(SYSTEM_TAGS.rss, probe.rssBytes() / 2 ** 20), point(SYSTEM_TAGS.throughput, progress.imagesPerSec)];
    // The first sample has nothing to measure CPU time against.
    if (previous && at > previous.at) points.unshift(point(SYSTEM_TAGS.cpu, ((cpu - previous.cpu) / 1000 / (at - previous.at)) * 100));
    return points;
  };
}
