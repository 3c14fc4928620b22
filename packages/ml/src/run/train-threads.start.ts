import { availableParallelism } from 'node:os';
import type * as tf from '@tensorflow/tfjs';
import { activeBackend } from '../backend/backend.select';
import { DataParallelHelper } from '../training/data-parallel.helper';
import { describeTrainThreads, planTrainThreads, type TTrainThreads } from './train-threads.plan';

/**
 * Plans a run's threads (planTrainThreads on the active backend and this machine's cores), says
 * so in the run's log, and starts the helper thread when the plan is two. A helper that cannot
 * start leaves the run on one thread (logged with the reason) rather than failing it. The caller
 * disposes the returned helper however the run ends.
 */
export async function startTrainThreads(
  setting: TTrainThreads,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  run: { batchSize: number; gradClipNorm?: number | undefined },
  onLog: (message: string) => void = () => undefined,
): Promise<DataParallelHelper | undefined> {
  const backend = activeBackend();
  const plan = planTrainThreads(setting, { backend, cores: availableParallelism(), batchSize: run.batchSize, model });
  if (plan.threads === 1) {
    onLog(describeTrainThreads(backend, plan, run.batchSize));
    return undefined;
  }
  try {
    const helper = await DataParallelHelper.start(model, optimizer, { gradClipNorm: run.gradClipNorm });
    onLog(describeTrainThreads(backend, plan, run.batchSize));
    return helper;
  } catch (e) {
    const reason = `the helper thread did not start: ${e instanceof Error ? e.message : String(e)}`;
    onLog(describeTrainThreads(backend, { threads: 1, reason }, run.batchSize));
    return undefined;
  }
}
