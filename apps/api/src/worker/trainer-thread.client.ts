import type { TBackendName } from '@tensorscope/shared';
import type { TrainCallbacks, TrainResult } from '@tensorscope/ml';
import { Worker } from 'node:worker_threads';
import { threadEntry } from '../common/thread-entry';
import { splitLines } from './output-lines.split';
import type { TFromTrainer, TToTrainer } from './trainer.protocol';

/** The thread's stdout reads as info, its stderr (where TF.js warns) as a warning. */
export type TThreadLogLevel = 'info' | 'warn';

export interface TrainerRun {
  /** The backend the thread initialised. */
  backend: Promise<TBackendName>;
  result: Promise<TrainResult>;
  stop(mode: 'cancel' | 'suspend'): void;
}

/**
 * Runs training in a worker thread, one run at a time, and turns its messages back into the
 * TrainCallbacks of the ml package (each awaited before the thread goes on). The thread is kept
 * between runs (its datasets stay decoded); one that dies (a wasm abort, out of memory) fails its
 * run with the reason and is replaced for the next.
 */
export class TrainerThread {
  private worker: Worker | null = null;
  /** Where the thread's output goes while a run trains (its log); between runs, nowhere but the process's own output. */
  private output: ((level: TThreadLogLevel, message: string) => void) | undefined;

  /**
   * The thread with its stdout and stderr piped here (not straight to the process's): whatever it
   * prints (TF.js warnings, a backend's notes) is echoed to the process output and also becomes a
   * line of the run it trains.
   */
  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(threadEntry('worker/trainer.thread.js'), { stdout: true, stderr: true });
    const route = (level: TThreadLogLevel, sink: NodeJS.WriteStream) => (line: string) => {
      sink.write(`[trainer] ${line}\n`);
      this.output?.(level, line);
    };
    splitLines(worker.stdout, route('info', process.stdout));
    splitLines(worker.stderr, route('warn', process.stderr));
    return (this.worker = worker);
  }

  start(
    request: Omit<Extract<TToTrainer, { type: 'start' }>, 'type'>,
    callbacks: Omit<TrainCallbacks, 'shouldStop'> & { onLog?: (level: TThreadLogLevel, message: string) => void },
  ): TrainerRun {
    const worker = this.thread();
    this.output = callbacks.onLog;
    let setBackend!: (b: TBackendName) => void;
    let failBackend!: (e: Error) => void;
    const backend = new Promise<TBackendName>((resolve, reject) => {
      setBackend = resolve;
      failBackend = reject;
    });
    backend.catch(() => undefined);
    const result = new Promise<TrainResult>((resolve, reject) => {
      const finish = () => {
        this.output = undefined;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onError = (e: Error) => {
        finish();
        this.worker = null;
        void worker.terminate();
        failBackend(e);
        reject(new Error(`the trainer thread crashed: ${e.message}`));
      };
      const onExit = (code: number) => {
        finish();
        this.worker = null;
        const e = new Error(`the trainer thread exited (code ${code}) during training`);
        failBackend(e);
        reject(e);
      };
      const onMessage = (message: TFromTrainer) => {
        if (message.type === 'backend') setBackend(message.backend);
        else if (message.type === 'log') callbacks.onLog?.('info', message.message);
        else if (message.type === 'done') {
          finish();
          resolve(message.result);
        } else if (message.type === 'failed') {
          finish();
          const e = Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {});
          failBackend(e);
          reject(e);
        } else if (message.type === 'callback') {
          const { id } = message;
          const ack = (error?: unknown) =>
            worker.postMessage({
              type: 'ack',
              id,
              ...(error !== undefined ? { error: error instanceof Error ? error.message : String(error) } : {}),
            } satisfies TToTrainer);
          let handled: void | Promise<void>;
          try {
            handled =
              message.kind === 'scalars'
                ? callbacks.onScalars?.(message.points)
                : message.kind === 'histograms'
                  ? callbacks.onHistograms?.(message.points)
                  : message.kind === 'snapshot'
                    ? callbacks.onSnapshot?.(message.snapshot)
                    : message.kind === 'checkpoint'
                      ? callbacks.onCheckpoint?.(message.checkpoint)
                      : callbacks.onProgress?.(message.progress);
          } catch (e) {
            ack(e);
            return;
          }
          Promise.resolve(handled).then(() => ack(), ack);
        }
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    // The caller awaits the result only after recording the backend (database writes): a run that
    // fails at once (refused by the wasm memory guard, a model that cannot be built) rejected in
    // between, unhandled, and the process-safety net ended the whole worker, six times over. The
    // rejection still reaches whoever awaits it.
    result.catch(() => undefined);
    worker.postMessage({ type: 'start', ...request } satisfies TToTrainer);
    return {
      backend,
      result,
      stop: (mode) => worker.postMessage({ type: 'stop', mode } satisfies TToTrainer),
    };
  }

  /** Ends the thread (process shutdown). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
