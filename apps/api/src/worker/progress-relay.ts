import type { TRunProgress } from '@tensorscope/shared';

export interface TProgressRelayDeps {
  /** Stores and announces the points buffered so far (ScalarWriter.flush). */
  flushPoints(): Promise<void>;
  /** Publishes run.progress on the bus. */
  publish(progress: TRunProgress): Promise<void>;
  now(): number;
  /** Minimum gap between two progress events. */
  everyMs: number;
}

/**
 * Relays the trainer's progress to the bus, throttled. Before a progress event goes out, the points
 * logged up to that step are stored and announced: the scalar writer batches them for up to a
 * second, and a page that said "step 31" while its chart (or a compare refetch the progress
 * triggered) still lacked step 30 showed the run a log interval behind. Flushing here costs at most
 * one INSERT per progress event (two a second), and only when points are waiting.
 */
export function createProgressRelay(deps: TProgressRelayDeps): (progress: TRunProgress) => Promise<void> {
  let lastEvent = -Infinity;
  return async (progress) => {
    const now = deps.now();
    if (now - lastEvent < deps.everyMs && progress.step < progress.totalSteps) return;
    lastEvent = now;
    await deps.flushPoints();
    await deps.publish(progress);
  };
}
