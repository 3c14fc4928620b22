import type * as tf from '@tensorflow/tfjs';
import type { TScalarTag, TTaggedScalar } from '@tensorscope/shared';
import type { ImageDataset } from '../datasets/dataset.types';

export interface TrainData {
  train: ImageDataset;
  /** Evaluated whole, in batches, at every evaluation. */
  test: ImageDataset;
}

export interface TrainOptions {
  batchSize: number;
  epochs: number;
  /** Steps between two evaluations on the test set (one more always runs at the end). */
  evalInterval: number;
  /** Steps between two train/loss + train/accuracy points. */
  logInterval: number;
  /** Seeds the per-epoch shuffle of the training images. */
  seed: number;
  /** Owned by this run: it keeps per-variable state (Adam moments, momentum). */
  optimizer: tf.Optimizer;
  /** Images per evaluation batch; evaluation keeps no gradients, so bigger is cheaper. Default max(batchSize, 256). */
  evalBatchSize?: number;
}

export interface TrainProgress {
  /** 1-based epoch being trained. */
  epoch: number;
  epochs: number;
  /** Global steps done so far (1-based count). */
  step: number;
  totalSteps: number;
  /** Training throughput since the previous progress report (evaluation time excluded). */
  imagesPerSec: number;
  /** Remaining steps × average wall time per step so far (evaluations included). */
  etaSeconds: number;
}

/** Every callback may be async; the loop awaits it before going on. */
export interface TrainCallbacks {
  onScalars?: (points: TTaggedScalar[]) => void | Promise<void>;
  /** Called at most about twice a second, and once after the last step. */
  onProgress?: (progress: TrainProgress) => void | Promise<void>;
  /** Checked before every step; true ends the run before that step. */
  shouldStop?: () => boolean | Promise<boolean>;
}

export interface TrainResult {
  /** True when shouldStop ended the run before all epochs were done. */
  stopped: boolean;
  /** Steps completed. */
  steps: number;
  /** Last value emitted per tag; a tag is absent if it was never emitted (e.g. stopped before any step). */
  finalMetrics: Partial<Record<TScalarTag, number>>;
}
