import type * as tf from '@tensorflow/tfjs';
import { ACTIVATION_STATS, activationTag, type TActivationStat } from '@tensorscope/shared';
import { walkLayerOutputs } from './layer-outputs.walk';
import { appendSummary, type LayerStatsPoints } from './layer-stats.points';
import { summarizeTensor, type TensorSummary } from './tensor-summary.compute';
import { yieldToEventLoop } from '../core/event-loop.yield';

/**
 * Layers whose output, at inference, holds exactly the previous output's values (only
 * reshaped, or passed through: dropout is the identity outside training): their stats would
 * repeat it.
 */
const REPEATING_LAYERS = new Set(['Flatten', 'Reshape', 'Dropout']);

/**
 * Layers whose activations are summarised. LeNet: all but flatten, which repeats pool2;
 * recurrent models: the cells and fc (not `rows`, the input reshaped, nor dropout<i>).
 */
export function inspectedLayer(layer: tf.layers.Layer): boolean {
  return !REPEATING_LAYERS.has(layer.getClassName());
}

const activationStat = (s: TensorSummary, stat: TActivationStat): number | undefined => s[stat];

/**
 * activations/<layer>/<stat> (+ histogram activations/<layer>) over all values of
 * each layer's output (every image, position and channel) for the probe batch `x`,
 * in inference mode. x stays the caller's.
 */
export async function collectActivationStats(
  model: tf.LayersModel,
  x: tf.Tensor4D,
  bins: number,
  step: number,
  wallTime: number,
  into: LayerStatsPoints,
): Promise<void> {
  await walkLayerOutputs(model, x, async (layer, output) => {
    if (!inspectedLayer(layer)) return;
    const summary = await summarizeTensor(output, { bins, zeros: true });
    await yieldToEventLoop(); // see param-stats.collect.ts
    appendSummary(into, activationTag(layer.name), summary, ACTIVATION_STATS, activationStat, step, wallTime);
  });
}
