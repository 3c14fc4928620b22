import type * as tf from '@tensorflow/tfjs';
import { WEIGHT_STATS, gradientTag, weightTag, type TParamKind, type TWeightStat } from '@tensorscope/shared';
import type { ModelParam } from './model-params.list';
import { appendSummary, type LayerStatsPoints } from './layer-stats.points';
import { summarizeTensor, type TensorSummary } from './tensor-summary.compute';
import { yieldToEventLoop } from '../core/event-loop.yield';

const weightStat = (s: TensorSummary, stat: TWeightStat): number => s[stat];

/**
 * weights/<layer>/<param>/<stat> (+ histogram weights/<layer>/<param>) for every
 * param, from the variables' current values. One tensor at a time, so only one
 * tensor's temporaries are alive.
 */
export async function collectWeightStats(
  params: readonly ModelParam[],
  bins: number,
  step: number,
  wallTime: number,
  into: LayerStatsPoints,
): Promise<void> {
  await collectEach(params, (p) => p.variable, weightTag, bins, step, wallTime, into);
}

/**
 * Summarises one tensor per param under `tagOf(layer, param)`. One tensor at a time, yielding
 * between them: big models take seconds of summaries, and heartbeats and I/O must get through.
 */
async function collectEach(
  params: readonly ModelParam[],
  tensorOf: (p: ModelParam) => tf.Tensor,
  tagOf: (layer: string, param: TParamKind) => string,
  bins: number,
  step: number,
  wallTime: number,
  into: LayerStatsPoints,
): Promise<void> {
  for (const p of params) {
    appendSummary(into, tagOf(p.layer, p.param), await summarizeTensor(tensorOf(p), { bins }), WEIGHT_STATS, weightStat, step, wallTime);
    await yieldToEventLoop();
  }
}

/**
 * gradients/<layer>/<param>/<stat> (+ histogram) from a gradient map as
 * optimizer.computeGradients returns it: keyed by variable name.
 */
export async function collectGradientStats(
  params: readonly ModelParam[],
  grads: tf.NamedTensorMap,
  bins: number,
  step: number,
  wallTime: number,
  into: LayerStatsPoints,
): Promise<void> {
  const gradOf = (p: ModelParam) => {
    const grad = grads[p.variable.name];
    if (grad === undefined) throw new Error(`no gradient for ${p.variable.name}`);
    return grad;
  };
  await collectEach(params, gradOf, gradientTag, bins, step, wallTime, into);
}
