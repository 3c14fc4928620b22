import type { BatchStep } from './batch-step.types';

export interface AdaptOptions {
  /** Steps timed per mode in a trial; the first of each block is not counted (a switch's warm-up). */
  trialSteps?: number;
  /** Steps run in the chosen mode before the next trial. */
  holdSteps?: number;
  /** Told whenever the choice changes (not at every trial): threads, and the medians that decided. */
  onChange?: (threads: 1 | 2, msPerImage: { one: number; two: number }) => void;
  now?: () => number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Infinity;
};

/**
 * 'auto' threads: two threads only pay off while both cores are free. On a machine whose cores
 * are busy with other work (measured on the shared 2-core development machine: 0.5–1.0× the
 * one-thread speed) each step waits for the slower-scheduled half. So every holdSteps steps a
 * short trial times trialSteps steps of each (two threads first), and the faster one by median
 * ms per image runs until the next trial. The helper's replica goes stale while this thread
 * trains alone; `resync` brings it up to date before two threads run again. Both modes make the
 * same update to float tolerance, so switching changes speed, not training. Steps with a gradient
 * hook (statistics) run in the current mode and are not timed.
 */
export function createAdaptiveStep(
  one: BatchStep,
  two: BatchStep,
  resync: () => Promise<void>,
  { trialSteps = 5, holdSteps = 200, onChange, now = () => performance.now() }: AdaptOptions = {},
): BatchStep {
  // The trial's schedule: trialSteps on two threads, then on one, then holdSteps on the winner.
  let mode: 1 | 2 = 2;
  let phase: 'trial-two' | 'trial-one' | 'hold' = 'trial-two';
  let left = trialSteps;
  let chosen: 1 | 2 = 2;
  let helperFresh = true;
  const timed: Record<1 | 2, number[]> = { 1: [], 2: [] };

  const advance = () => {
    if (--left > 0) return;
    if (phase === 'trial-two') {
      phase = 'trial-one';
      mode = 1;
      left = trialSteps;
    } else if (phase === 'trial-one') {
      const ms = { one: median(timed[1]), two: median(timed[2]) };
      // Nothing timed (every step inspected): no evidence, no change.
      const winner: 1 | 2 = timed[1].length === 0 || timed[2].length === 0 ? chosen : ms.two < ms.one ? 2 : 1;
      if (winner !== chosen) onChange?.(winner, ms);
      chosen = mode = winner;
      phase = 'hold';
      left = holdSteps;
    } else {
      phase = 'trial-two';
      mode = 2;
      left = trialSteps;
      timed[1] = [];
      timed[2] = [];
    }
  };

  return async (batch, onGradients) => {
    const current = mode;
    if (current === 2 && !helperFresh) {
      await resync();
      helperFresh = true;
    }
    const start = now();
    const result = await (current === 2 ? two : one)(batch, onGradients);
    const ms = now() - start;
    if (current === 1) helperFresh = false;
    const firstOfBlock = phase !== 'hold' && left === trialSteps;
    if (phase !== 'hold' && !firstOfBlock && onGradients === undefined) timed[current].push(ms / batch.count);
    advance();
    return result;
  };
}
