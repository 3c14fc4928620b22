import type { TTrainJob } from '@tensorscope/shared';

/** The training queue as the rest of the app sees it; pg-boss lives behind it. */
export interface JobQueue {
  enqueueTraining(job: TTrainJob): Promise<void>;
  /** Takes jobs one at a time; the returned promise of `handler` settles when the job is done. */
  workTraining(handler: (job: TTrainJob) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
export const JOB_QUEUE = Symbol('JOB_QUEUE');
