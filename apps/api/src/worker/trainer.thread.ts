// Entry of the trainer thread (see trainer.protocol.ts): one run at a time, started and
// stopped by messages from the worker process; datasets stay cached here between runs.
import { initBackend, trainRun } from '@tensorscope/ml';
import { parentPort } from 'node:worker_threads';
import type { TFromTrainer, TToTrainer, TTrainerCallback } from './trainer.protocol';

const port = parentPort;
if (!port) throw new Error('trainer.thread must run in a worker thread');

let stop: 'cancel' | 'suspend' | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
const send = (message: TFromTrainer) => port.postMessage(message);

/** Hands a callback to the process and waits for its acknowledgement (backpressure). */
function call(callback: TTrainerCallback): Promise<void> {
  const id = nextId++;
  return new Promise<void>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ type: 'callback', id, ...callback });
  });
}

async function run(start: Extract<TToTrainer, { type: 'start' }>): Promise<void> {
  stop = null;
  try {
    const backend = await initBackend(start.backend);
    send({ type: 'backend', backend });
    const result = await trainRun(
      start.config,
      { cacheDir: start.cacheDir, ...(start.trainThreads !== undefined ? { trainThreads: start.trainThreads } : {}) },
      {
        onLog: (message) => send({ type: 'log', message }),
        onScalars: (points) => call({ kind: 'scalars', points }),
        onHistograms: (points) => call({ kind: 'histograms', points }),
        onSnapshot: (snapshot) => call({ kind: 'snapshot', snapshot }),
        onCheckpoint: (checkpoint) => call({ kind: 'checkpoint', checkpoint }),
        onProgress: (progress) => call({ kind: 'progress', progress }),
        shouldStop: () => (stop === 'suspend' ? 'suspend' : stop === 'cancel'),
      },
      { ...(start.resume ? { resume: start.resume } : {}), checkpointEveryMs: start.checkpointEveryMs },
    );
    send({ type: 'done', result });
  } catch (e) {
    send({
      type: 'failed',
      message: e instanceof Error ? e.message : String(e),
      ...(e instanceof Error && e.stack ? { stack: e.stack } : {}),
    });
  }
}

port.on('message', (message: TToTrainer) => {
  if (message.type === 'start') void run(message);
  else if (message.type === 'stop') stop = message.mode;
  else if (message.type === 'ack') {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve();
  }
});
