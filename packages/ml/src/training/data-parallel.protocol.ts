import type { TModelConfig } from '../models/model.build';

/** What a data-parallel worker is started with (worker_threads workerData). */
export interface TDataParallelInit {
  config: TModelConfig;
  learningRate: number;
  /** This worker's slot in `gradients`: 0 or 1. */
  rank: 0 | 1;
  /** Both workers' gradients, flattened in trainable-variable order: slot r is [r·P, (r+1)·P). */
  gradients: SharedArrayBuffer;
}

/** Main → worker. */
export type TDataParallelRequest =
  | { kind: 'gradients'; x: Float32Array; xShape: [number, number, number, number]; y: Float32Array; yShape: [number, number] }
  | { kind: 'apply' };

/** Worker → main. */
export type TDataParallelReply =
  | { kind: 'ready'; params: number }
  | { kind: 'gradients'; loss: number; correct: number }
  | { kind: 'applied'; tensors: number }
  | { kind: 'error'; message: string };
