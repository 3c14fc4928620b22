import type { ImageDataset } from '../datasets/dataset.types';
import { computeChannelStats } from '../core/channel-stats.compute';
import type { TModelConfig } from '../models/model.build';
import { BatchBuilder } from '../training/batch.build';
import { DataParallelStep } from '../training/data-parallel.step';
import { timeStepLoop, type TStepTiming } from './step.timer';

/**
 * Times DataParallelStep (two worker threads, half a batch each) on real batches, as the
 * single-thread rows are timed: 2 warm-up steps, then up to `steps` within `seconds`
 * (at least 2). Batches are filled on the main thread while the workers wait, as the
 * trainer's loop would.
 */
export async function timeDataParallel(
  config: TModelConfig,
  train: ImageDataset,
  batch: number,
  plan: { steps: number; seconds: number },
): Promise<TStepTiming> {
  const dp = await DataParallelStep.create(config, 1e-3);
  const batches = new BatchBuilder(train, computeChannelStats(train), 10);
  const { height, width, channels } = train;
  let next = 0;
  const oneStep = async () => {
    const { x, y } = batches.fill(next, next + batch);
    next = (next + batch) % (train.count - batch);
    await dp.step(x, [batch, height, width, channels], y, 10);
  };
  try {
    for (let i = 0; i < 2; i++) await oneStep();
    return await timeStepLoop(oneStep, plan);
  } finally {
    await dp.dispose();
  }
}
