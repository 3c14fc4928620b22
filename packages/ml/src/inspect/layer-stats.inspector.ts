import type * as tf from '@tensorflow/tfjs';
import type { ImageDataset } from '../datasets/dataset.types';
import type { ChannelStats } from '../core/channel-stats.compute';
import { ImageNormalizer } from '../core/image.normalize';
import type { GradientHook } from '../core/gradient.hook';
import { collectActivationStats } from './activation-stats.collect';
import { emptyPoints, type LayerStatsPoints } from './layer-stats.points';
import { listParams, type ModelParam } from './model-params.list';
import { collectGradientStats, collectWeightStats } from './param-stats.collect';
import { modelTopology, takeSnapshot } from './snapshot.take';
import type { TWeightSnapshot } from './snapshot.types';

/**
 * What the train loop does at a stats step and a snapshot step, in one place so the
 * overhead bench measures exactly that. A stats step at step s:
 * 1. gradientHook(s) runs inside the train step, between computeGradients and
 *    applyGradients: gradients/… of the loss on step s's batch.
 * 2. collect(s) after the update: weights/… (the weights step s produced) and, with a
 *    probe set, activations/… of every layer on it, then hands all points over.
 * All points of a stats step share one wallTime, taken when the step's stats begin.
 */
export class LayerInspector {
  private readonly params: ModelParam[];
  private readonly probe: { normalizer: ImageNormalizer; indices: Uint32Array } | undefined;
  private pending: LayerStatsPoints = emptyPoints();
  private pendingStep = -1;
  private wallTime = 0;
  private topology: unknown;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly channelStats: ChannelStats,
    private readonly bins: number,
    probe?: ImageDataset,
  ) {
    this.params = listParams(model);
    this.probe =
      probe === undefined
        ? undefined
        : { normalizer: new ImageNormalizer(probe, channelStats), indices: Uint32Array.from({ length: probe.count }, (_, i) => i) };
  }

  gradientHook(step: number): GradientHook {
    return async (grads) => {
      this.begin(step);
      await collectGradientStats(this.params, grads, this.bins, step, this.wallTime, this.pending);
    };
  }

  /** Weight and activation stats for step `step`, plus that step's gradient stats if the hook ran. */
  async collect(step: number): Promise<LayerStatsPoints> {
    if (this.pendingStep !== step) this.begin(step);
    const points = this.pending;
    this.pending = emptyPoints();
    this.pendingStep = -1;
    await collectWeightStats(this.params, this.bins, step, this.wallTime, points);
    if (this.probe !== undefined) {
      // Rebuilt at each stats step (~1 ms for 256 images) rather than held for the whole run.
      const x = this.probe.normalizer.tensor(this.probe.indices);
      try {
        await collectActivationStats(this.model, x, this.bins, step, this.wallTime, points);
      } finally {
        x.dispose();
      }
    }
    return points;
  }

  snapshot(step: number): Promise<TWeightSnapshot> {
    this.topology ??= modelTopology(this.model);
    return takeSnapshot(this.model, step, this.channelStats, this.topology);
  }

  private begin(step: number): void {
    this.pending = emptyPoints();
    this.pendingStep = step;
    this.wallTime = Date.now();
  }
}
