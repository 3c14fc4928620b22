import { availableParallelism } from 'node:os';
import type * as tf from '@tensorflow/tfjs';
import { activeBackend } from '../backend/backend.select';
import { DataParallelHelper } from '../training/data-parallel.helper';
import type { TrainOptions } from '../training/train.types';
import { describeTrainThreads, planTrainThreads, type TTrainThreads } from './train-threads.plan';

/**
 * Plans a run's threads (planTrainThreads on the active backend and this machine's cores), says
 * so in the run's log, and starts the helper thread when the plan is two: the train options to
 * add (with 'auto', adaptive, its switches logged too). A helper that cannot start leaves the run
 * on one thread (logged with the reason) rather than failing it. The caller disposes the returned
 * dataParallel helper however the run ends.
 */
export async function startTrainThreads(
  setting: TTrainThreads,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  run: { batchSize: number; gradClipNorm?: number | undefined },
  onLog: (message: string) => void = () => undefined,
): Promise<Pick<TrainOptions, 'dataParallel' | 'adaptThreads'>> {
  const backend = activeBackend();
  const plan = planTrainThreads(setting, { backend, cores: availableParallelism(), batchSize: run.batchSize, model });
  if (plan.threads === 1) {
    onLog(describeTrainThreads(backend, plan, run.batchSize));
    return {};
  }
  let helper: DataParallelHelper;
  try {
    helper = await DataParallelHelper.start(model, optimizer, { gradClipNorm: run.gradClipNorm });
  } catch (e) {
    const reason = `the helper thread did not start: ${e instanceof Error ? e.message : String(e)}`;
    onLog(describeTrainThreads(backend, { threads: 1, adapt: false, reason }, run.batchSize));
    return {};
  }
  onLog(describeTrainThreads(backend, plan, run.batchSize));
  if (!plan.adapt) return { dataParallel: helper };
  const perStep = (msPerImage: number) => `${(msPerImage * run.batchSize).toFixed(0)} ms`;
  return {
    dataParallel: helper,
    adaptThreads: {
      onChange: (threads, ms) =>
        onLog(
          `threads: now ${threads === 2 ? '2 threads' : '1 thread'} (a step took ${perStep(ms.one)} on 1 thread, ${perStep(ms.two)} on 2` +
            `${threads === 1 ? ': the cores are busy with other work' : ''})`,
        ),
    },
  };
}
