import type { TVisualizeJob } from '@tensorscope/shared';

/**
 * The job queue as the rest of the app sees it; pg-boss lives behind it. Only visualisation jobs
 * travel through it: training runs are queued in the run table itself (RunRepository.claimNext),
 * so a run and its "job" can never disagree after a crash.
 */
export interface JobQueue {
  /** Zeiler & Fergus visualisation jobs, so they never wait behind a long training run. */
  enqueueVisualize(job: TVisualizeJob): Promise<void>;
  workVisualize(handler: (job: TVisualizeJob) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
export const JOB_QUEUE = Symbol('JOB_QUEUE');
