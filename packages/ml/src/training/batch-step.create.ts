import * as tf from '@tensorflow/tfjs';
import type { BatchStep, BatchStepShape } from './batch-step.types';
import type { DataParallelHelper } from './data-parallel.helper';
import { createDataParallelStep } from './data-parallel.step';
import { createTrainStep } from './train-step';

/**
 * The loop's step: on this thread alone (createTrainStep on the batch made into tensors), or,
 * with a helper thread, split over both cores (createDataParallelStep). Same update either way,
 * to float tolerance.
 */
export function createBatchStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  options: BatchStepShape & { gradClipNorm?: number | undefined; dataParallel?: DataParallelHelper | undefined },
): BatchStep {
  const { imageShape, classes, gradClipNorm, dataParallel } = options;
  if (dataParallel !== undefined) return createDataParallelStep(model, optimizer, dataParallel, { imageShape, classes, gradClipNorm });
  const step = createTrainStep(model, optimizer, { gradClipNorm });
  return async (batch, onGradients) => {
    const x = tf.tensor4d(batch.x, [batch.count, ...imageShape]);
    const y = tf.tensor2d(batch.y, [batch.count, classes]);
    try {
      return await step(x, y, onGradients);
    } finally {
      tf.dispose([x, y]);
    }
  };
}
