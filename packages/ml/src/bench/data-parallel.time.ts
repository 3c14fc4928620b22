import type { ImageDataset } from '../datasets/dataset.types';
import { computeChannelStats } from '../core/channel-stats.compute';
import { buildModel, type TModelConfig } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { BatchBuilder } from '../training/batch.build';
import { createBatchStep } from '../training/batch-step.create';
import { DataParallelHelper } from '../training/data-parallel.helper';
import { timeStepLoop, type TStepTiming } from './step.timer';

/**
 * Times the trainer's two-thread step (this thread + a helper thread, half a batch each;
 * createDataParallelStep) on real batches, as the single-thread rows are timed: 2 warm-up
 * steps, then up to `steps` within `seconds` (at least 2). Batches are filled on this thread
 * before each step, as the training loop does.
 */
export async function timeDataParallel(
  config: TModelConfig,
  train: ImageDataset,
  batch: number,
  plan: { steps: number; seconds: number },
): Promise<TStepTiming> {
  const model = buildModel(config);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
  const helper = await DataParallelHelper.start(model, optimizer);
  try {
    await helper.sync(model, optimizer);
    const { height, width, channels } = train;
    const step = createBatchStep(model, optimizer, { imageShape: [height, width, channels], classes: 10, dataParallel: helper });
    const batches = new BatchBuilder(train, computeChannelStats(train), 10);
    let next = 0;
    const oneStep = async () => {
      const arrays = batches.fill(next, next + batch);
      next = (next + batch) % (train.count - batch);
      await step({ ...arrays, count: batch });
    };
    for (let i = 0; i < 2; i++) await oneStep();
    return await timeStepLoop(oneStep, plan);
  } finally {
    await helper.dispose();
    optimizer.dispose();
    model.dispose();
  }
}
