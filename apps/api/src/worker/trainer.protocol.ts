import type { TBackendChoice, TBackendName, TRunConfig, TTaggedHistogram, TTaggedScalar } from '@tensorscope/shared';
import type { TrainProgress, TrainResult, TTrainCheckpoint, TTrainThreads, TWeightSnapshot } from '@tensorscope/ml';

/**
 * Messages between a training worker process and its trainer thread. Training runs in the
 * thread so a long step never stalls the process's event loop (database pools, heartbeats, the
 * bus); the trainer's callbacks become messages the process acknowledges, so a callback that waits
 * (a database outage) still pauses training.
 */
export type TToTrainer =
  | {
      type: 'start';
      config: TRunConfig;
      backend: TBackendChoice;
      cacheDir: string;
      resume?: TTrainCheckpoint;
      checkpointEveryMs: number;
      /** Threads the run trains on (TRAIN_THREADS); absent: one. */
      trainThreads?: TTrainThreads;
    }
  /** cancel: stop and log what is open; suspend: stop and hand over a checkpoint to resume from. */
  | { type: 'stop'; mode: 'cancel' | 'suspend' }
  | { type: 'ack'; id: number; error?: string };

export type TTrainerCallback =
  | { kind: 'scalars'; points: TTaggedScalar[] }
  | { kind: 'histograms'; points: TTaggedHistogram[] }
  | { kind: 'snapshot'; snapshot: TWeightSnapshot }
  | { kind: 'checkpoint'; checkpoint: TTrainCheckpoint }
  | { kind: 'progress'; progress: TrainProgress };

export type TFromTrainer =
  | { type: 'backend'; backend: TBackendName }
  /** A line for the run's log (what the trainer says about its data and model); not acknowledged. */
  | { type: 'log'; message: string }
  | ({ type: 'callback'; id: number } & TTrainerCallback)
  | { type: 'done'; result: TrainResult }
  | { type: 'failed'; message: string; stack?: string };
