import type * as tf from '@tensorflow/tfjs';
import type { TScalarTag, TTaggedHistogram, TTaggedScalar } from '@tensorscope/shared';
import type { ImageDataset } from '../datasets/dataset.types';
import type { TrainImages } from '../datasets/image-source';
import type { TWeightSnapshot } from '../inspect/snapshot.types';
import type { TTrainCheckpoint } from './checkpoint.types';
import type { DataParallelHelper } from './data-parallel.helper';
import type { AdaptOptions } from './threads.adapt';

export interface TrainData {
  /** In memory, or read by index (a CIFAR-10 training split stays in its cache file). */
  train: TrainImages;
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
  /**
   * Steps between two layer-statistics points (weights/, gradients/, activations/ scalars
   * and histograms), plus one at the last step. Absent: no layer statistics.
   */
  statsInterval?: number;
  /** Bins of every histogram. Default 30. */
  histogramBins?: number;
  /** Fixed images (already chosen, e.g. by selectProbe) on which activations are measured. Absent: no activations/ points. */
  probe?: ImageDataset;
  /** Evenly spaced weight snapshots per epoch for onSnapshot; the final step always gets one. Default 0 (final only). */
  snapshotsPerEpoch?: number;
  /** Rescale each step's gradients to a global L2 norm of at most this before applying them. Absent: no clipping. */
  gradClipNorm?: number;
  /** Continue from this checkpoint (same model config and data) instead of from step 0. */
  resume?: TTrainCheckpoint;
  /** Wall time between two checkpoints handed to onCheckpoint. Absent: only where a run is suspended. */
  checkpointEveryMs?: number;
  /**
   * A helper thread started for this model and optimizer (DataParallelHelper.start): each batch is
   * then split between this thread and the helper, using two cores. The caller owns it (disposes it).
   */
  dataParallel?: DataParallelHelper;
  /** With dataParallel: now and then time one thread against two and run the faster (createAdaptiveStep). Absent: always two. */
  adaptThreads?: AdaptOptions;
}

export interface TrainProgress {
  /** 1-based epoch being trained. */
  epoch: number;
  epochs: number;
  /** Global steps done so far (1-based count). */
  step: number;
  totalSteps: number;
  /** Training throughput since the previous progress report (evaluation and layer-statistics time excluded). */
  imagesPerSec: number;
  /** Remaining steps × average wall time per step so far (evaluations included). */
  etaSeconds: number;
}

/** Every callback may be async; the loop awaits it before going on. */
export interface TrainCallbacks {
  /** train/…, test/… and, at stats steps, one call with all weights/…, gradients/…, activations/… scalars. */
  onScalars?: (points: TTaggedScalar[]) => void | Promise<void>;
  /** At stats steps: one call with every histogram of that step. */
  onHistograms?: (points: TTaggedHistogram[]) => void | Promise<void>;
  /** At snapshot steps, at the final step, and where a stopped run stopped. Weights are only read when this is set. */
  onSnapshot?: (snapshot: TWeightSnapshot) => void | Promise<void>;
  /** Called at most about twice a second, and once after the last step. */
  onProgress?: (progress: TrainProgress) => void | Promise<void>;
  /** A checkpoint to persist (see TrainOptions.checkpointEveryMs); the loop waits for it. */
  onCheckpoint?: (checkpoint: TTrainCheckpoint) => void | Promise<void>;
  /**
   * Checked before every step; true ends the run before that step (cancel: the open train
   * window is logged, a snapshot taken). 'suspend' ends it to be resumed later: only a
   * checkpoint is handed to onCheckpoint, nothing is logged.
   */
  shouldStop?: () => boolean | 'suspend' | Promise<boolean | 'suspend'>;
}

export interface TrainResult {
  /** True when shouldStop ended the run before all epochs were done. */
  stopped: boolean;
  /** True when it ended on 'suspend' (a checkpoint was handed over, if onCheckpoint is set). */
  suspended: boolean;
  /** Steps completed. */
  steps: number;
  /**
   * Last value emitted per train/… and test/… tag; a tag is absent if it was never emitted
   * (e.g. stopped before any step). Layer statistics are not repeated here.
   */
  finalMetrics: Partial<Record<TScalarTag, number>>;
}
