import * as tf from '@tensorflow/tfjs';
import type { ArrayBatch, BatchStep, BatchStepShape } from './batch-step.types';
import type { DataParallelHelper } from './data-parallel.helper';
import { applyGradients, checkGradClipNorm, lossClosure, trainableVariables } from './train-step';

/**
 * The training step over both cores: the main thread takes the first ⌈n/2⌉ images of each
 * batch, the helper thread the other ⌊n/2⌋, at the same time. The loss is a mean, so the whole
 * batch's gradient is the size-weighted average of the parts' gradients,
 *   g = (n_main·g_main + n_helper·g_helper) / n,
 * which holds for odd and short last batches too (a 1-image batch is the main thread's alone,
 * weight 0 for the helper). The main thread writes that average into the shared buffer; both
 * sides apply it (clipped alike with gradClipNorm) with their own optimizer, so the replicas
 * stay equal to float rounding of the summation order against one thread on the whole batch.
 *
 * What one thread's step offers is kept: the gradient hook sees the whole batch's (averaged)
 * gradients before the update; the model and optimizer on the main thread are the run's state,
 * updated every step, so evaluation, inspection and checkpoints read them as before. Every tensor
 * made here is released before returning.
 */
export function createDataParallelStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  helper: DataParallelHelper,
  options: BatchStepShape & { gradClipNorm?: number | undefined },
): BatchStep {
  const variables = trainableVariables(model);
  const params = variables.reduce((n, v) => n + v.size, 0);
  if (params !== helper.params) throw new Error(`the helper thread's model has ${helper.params} parameters, this one ${params}`);
  const { gradClipNorm, imageShape, classes } = options;
  checkGradClipNorm(gradClipNorm);
  const [h, w, c] = imageShape;
  const pixels = h * w * c;

  /** The main thread's part: loss, hits, and its gradients averaged with the helper's into helper.averaged. */
  const mainPart = async (batch: ArrayBatch, mine: number, helperPart: Promise<{ loss: number; correct: number }>) => {
    const x = tf.tensor4d(batch.x.subarray(0, mine * pixels), [mine, h, w, c]);
    const y = tf.tensor2d(batch.y.subarray(0, mine * classes), [mine, classes]);
    let correct: tf.Scalar | undefined;
    let computed: { value: tf.Scalar; grads: tf.NamedTensorMap } | undefined;
    try {
      computed = optimizer.computeGradients(
        lossClosure(model, x, y, (k) => (correct = k)),
        variables,
      );
      const [loss, hits] = await Promise.all([computed.value.data(), correct!.data()]);
      const theirs = await helperPart;
      const wMine = mine / batch.count;
      const wTheirs = 1 - wMine;
      const { averaged, helperGradients } = helper;
      let offset = 0;
      for (const v of variables) {
        const g = computed.grads[v.name];
        if (g === undefined) throw new Error(`no gradient for ${v.name}`);
        const values = g.dataSync();
        for (let i = 0; i < v.size; i++) {
          averaged[offset + i] = wMine * (values[i] as number) + wTheirs * (helperGradients[offset + i] as number);
        }
        offset += v.size;
      }
      return { loss: wMine * (loss[0] as number) + wTheirs * theirs.loss, correct: (hits[0] as number) + theirs.correct };
    } finally {
      tf.dispose([x, y]);
      if (computed !== undefined) tf.dispose([computed.value, ...Object.values(computed.grads)]);
      correct?.dispose();
    }
  };

  return async (batch, onGradients) => {
    const theirs = Math.floor(batch.count / 2);
    const mine = batch.count - theirs;
    // The helper's part leaves first, so that both cores work at once.
    const helperPart =
      theirs > 0
        ? helper.gradients(
            batch.x.slice(mine * pixels, batch.count * pixels),
            [theirs, h, w, c],
            batch.y.slice(mine * classes, batch.count * classes),
            [theirs, classes],
          )
        : Promise.resolve({ loss: 0, correct: 0 });
    // Awaited in mainPart, but a helper failing while this thread still computes must not go unhandled.
    helperPart.catch(() => undefined);
    const result = await mainPart(batch, mine, helperPart);
    // Both update at once: the helper from the shared average, this thread from tensors of it.
    const helperApplied = helper.apply();
    helperApplied.catch(() => undefined);
    const grads: tf.NamedTensorMap = {};
    let offset = 0;
    for (const v of variables) {
      grads[v.name] = tf.tensor(helper.averaged.subarray(offset, offset + v.size), v.shape, 'float32');
      offset += v.size;
    }
    try {
      if (onGradients !== undefined) await onGradients(grads);
      applyGradients(optimizer, variables, grads, gradClipNorm);
    } finally {
      tf.dispose(grads);
    }
    await helperApplied;
    return result;
  };
}
