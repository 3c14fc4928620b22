import type * as tf from '@tensorflow/tfjs';
import type { TBackendName } from '@tensorscope/shared';

/** How many threads a run trains on: 'auto' decides per run (see planTrainThreads); 1 or 2 say so. */
export type TTrainThreads = 'auto' | 1 | 2;

/**
 * Below this batch size 'auto' stays on one thread: a step's fixed costs on two threads (the
 * half batches' messages, averaging and re-uploading every gradient: per parameter, not per
 * image) outweigh splitting a small batch's work.
 */
export const MIN_PARALLEL_BATCH = 32;

export interface TTrainThreadsPlan {
  threads: 1 | 2;
  /** Two threads that give way to one while that is faster (createAdaptiveStep): what 'auto' plans. */
  adapt: boolean;
  /** Why, for the run's log. */
  reason: string;
}

/**
 * Whether a run splits each batch over two threads (DataParallelHelper). Only the wasm backend
 * is split: it runs one core per instance in Node, while tfjs-node(-gpu) already uses every core
 * (or the GPU) and the pure-JS cpu backend is too slow to matter. 'auto' also needs a second core
 * and a batch of at least MIN_PARALLEL_BATCH, and a model without batch normalisation (its batch
 * statistics would be each half's, not the whole batch's: not the same training); it then
 * adapts, since two threads lose to one on cores busy with other work. 2 forces the split on
 * wasm regardless, at every step.
 */
export function planTrainThreads(
  setting: TTrainThreads,
  run: { backend: TBackendName; cores: number; batchSize: number; model: tf.LayersModel },
): TTrainThreadsPlan {
  const one = (reason: string): TTrainThreadsPlan => ({ threads: 1, adapt: false, reason });
  if (setting === 1) return one('TRAIN_THREADS=1');
  if (run.backend !== 'wasm') return one(`only the wasm backend is split over threads; ${run.backend} schedules its own`);
  if (setting === 2) return { threads: 2, adapt: false, reason: 'TRAIN_THREADS=2' };
  if (run.cores < 2) return one(`${run.cores} core available`);
  if (run.batchSize < MIN_PARALLEL_BATCH) return one(`batch ${run.batchSize} is below ${MIN_PARALLEL_BATCH}: too small to split`);
  const norm = run.model.layers.find((l) => l.getClassName() === 'BatchNormalization');
  if (norm !== undefined) return one(`${norm.name} normalises over the batch: halves would change training`);
  return { threads: 2, adapt: true, reason: `TRAIN_THREADS=auto, ${run.cores} cores; 1 thread while that is faster` };
}

/** "threads: wasm × 2 threads (data-parallel, batch of 64 split 32 + 32 per step; TRAIN_THREADS=2)". */
export function describeTrainThreads(backend: TBackendName, plan: TTrainThreadsPlan, batchSize: number): string {
  if (plan.threads === 1) return `threads: ${backend} × 1 thread (${plan.reason})`;
  const theirs = Math.floor(batchSize / 2);
  return `threads: ${backend} × 2 threads (data-parallel, batch of ${batchSize} split ${batchSize - theirs} + ${theirs} per step; ${plan.reason})`;
}
