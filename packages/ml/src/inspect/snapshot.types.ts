import type { TParamKind } from '@tensorscope/shared';
import type { ChannelStats } from '../core/channel-stats.compute';

/**
 * One parameter tensor's values, row-major float32 (a conv kernel is [fh, fw, cin, cout];
 * an LSTM's kernel [inputs, 4·units], its recurrent_kernel [units, 4·units]).
 */
export interface TSnapshotTensorData {
  layer: string;
  param: TParamKind;
  shape: number[];
  data: Float32Array;
}

/** A model's weights at one step: enough to rebuild it (loadSnapshot) and run it on images. */
export interface TWeightSnapshot {
  /** Global step after whose update the weights were read. */
  step: number;
  /** Milliseconds since the Unix epoch. */
  wallTime: number;
  /** model.toJSON(null, false): the architecture, loadable by tf.models.modelFromJSON({ modelTopology }). */
  topology: unknown;
  tensors: TSnapshotTensorData[];
  /**
   * Per-channel input normalisation the run trains with (from its training set). Feeding
   * images to the restored model needs exactly these (see activationOf). The same in every
   * snapshot of a run.
   */
  channelStats: ChannelStats;
}

/** Stored size of a snapshot's tensors: 4 bytes per float32 value. */
export function snapshotBytes(tensors: readonly Pick<TSnapshotTensorData, 'data'>[]): number {
  return tensors.reduce((sum, t) => sum + t.data.byteLength, 0);
}
