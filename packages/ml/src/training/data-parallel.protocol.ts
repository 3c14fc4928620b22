import type { TOptimizerSpec } from '../models/optimizer.spec';
import type { TCheckpointTensor } from './checkpoint.types';

/** What the helper thread is started with (worker_threads workerData). */
export interface TDataParallelInit {
  /** The model's architecture (model.toJSON): the helper builds its replica from it; the weights come with 'sync'. */
  topology: unknown;
  optimizer: TOptimizerSpec;
  gradClipNorm?: number;
  /**
   * 2·P floats, P = trainable parameters flattened in trainable-variable order:
   * [0, P) the averaged gradients the main thread writes for both to apply,
   * [P, 2P) the helper's gradients of its part of the batch.
   */
  gradients: SharedArrayBuffer;
}

/** Main → helper; each request gets exactly one reply. */
export type TDataParallelRequest =
  /** Take the main thread's weights and optimizer slots (at the start and after a resume). */
  | { kind: 'sync'; weights: TCheckpointTensor[]; optimizer: TCheckpointTensor[] }
  /** Gradients of the mean loss over these images into the helper's slot. */
  | { kind: 'gradients'; x: Float32Array; xShape: [number, number, number, number]; y: Float32Array; yShape: [number, number] }
  /** Apply the averaged gradients (slot 0), as the main thread does. */
  | { kind: 'apply' };

/** Helper → main. */
export type TDataParallelReply =
  | { kind: 'ready'; params: number }
  | { kind: 'synced' }
  | { kind: 'gradients'; loss: number; correct: number }
  /** tensors: live tensors in the helper afterwards (they must not grow from step to step). */
  | { kind: 'applied'; tensors: number }
  | { kind: 'error'; message: string };
