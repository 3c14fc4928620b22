import type { TTrainJob, TVisualizeJob } from '@tensorscope/shared';

/** The job queues as the rest of the app sees them; pg-boss lives behind them. */
export interface JobQueue {
  enqueueTraining(job: TTrainJob): Promise<void>;
  /** Takes jobs one at a time; the returned promise of `handler` settles when the job is done. */
  workTraining(handler: (job: TTrainJob) => Promise<void>): Promise<void>;
  /** Zeiler & Fergus visualisation jobs: a second queue, so they never wait behind a long training run. */
  enqueueVisualize(job: TVisualizeJob): Promise<void>;
  workVisualize(handler: (job: TVisualizeJob) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
export const JOB_QUEUE = Symbol('JOB_QUEUE');
