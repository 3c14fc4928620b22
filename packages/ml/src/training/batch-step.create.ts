import * as tf from '@tensorflow/tfjs';
import type { BatchStep, BatchStepShape } from './batch-step.types';
import type { DataParallelHelper } from './data-parallel.helper';
import { createDataParallelStep } from './data-parallel.step';
import { createTrainStep } from './train-step';
import { createAdaptiveStep, type AdaptOptions } from './threads.adapt';

/**
 * The loop's step: on this thread alone (createTrainStep on the batch made into tensors), or,
 * with a helper thread, split over both cores (createDataParallelStep), or with adaptThreads
 * whichever of the two is faster at the time (createAdaptiveStep). Same update either way, to
 * float tolerance.
 */
export function createBatchStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: BatchStepShape & {
    gradClipNorm?: number | undefined;
    dataParallel?: DataParallelHelper | undefined;
    adaptThreads?: AdaptOptions | undefined;
  },
): BatchStep {
  const { imageShape, classes, gradClipNorm, dataParallel, adaptThreads } = options;
  const step = createTrainStep(model, optimizer, { gradClipNorm });
  const one: BatchStep = async (batch, onGradients) => {
    const x = tf.tensor4d(batch.x, [batch.count, ...imageShape]);
    const y = tf.tensor2d(batch.y, [batch.count, classes]);
    try {
      return await step(x, y, onGradients);
    } finally {
      tf.dispose([x, y]);
    }
  };
  if (dataParallel === undefined) return one;
  const two = createDataParallelStep(model, optimizer, dataParallel, { imageShape, classes, gradClipNorm });
  if (adaptThreads === undefined) return two;
  return createAdaptiveStep(one, two, () => dataParallel.sync(model, optimizer), adaptThreads);
}
