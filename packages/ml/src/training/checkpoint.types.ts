/** One tensor of a checkpoint: a model weight or an optimizer slot (Adam moments, momentum, iterations). */
export interface TCheckpointTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/**
 * Everything `train` needs to continue a run as if it had never stopped: the weights, the
 * optimizer's state, where in the (seeded, per-epoch) data order the next step starts, and the
 * partial train-metrics window. Taken between two steps, after the step's points were emitted.
 */
export interface TTrainCheckpoint {
  /** Global steps completed (1-based count); the resumed loop starts at step + 1. */
  step: number;
  /** The data the loop was walking; a resume on other data is refused. */
  trainCount: number;
  batchSize: number;
  lastEvalStep: number;
  lastSnapshotStep: number;
  /** Train loss/accuracy sums since the last train point (so the next point averages the same images). */
  window: { loss: number; correct: number; images: number };
  weights: TCheckpointTensor[];
  optimizer: TCheckpointTensor[];
}
