import { Worker } from 'node:worker_threads';
import { threadEntry } from '../common/thread-entry';
import type { TFromDecoder, TToDecoder } from './dataset-decode.protocol';

/** One upload's decoding, in its own thread: fed chunk by chunk, answered once at the end. */
export interface TDecodeSession {
  push(field: string, data: Uint8Array): void;
  finish(end: Omit<Extract<TToDecoder, { type: 'end' }>, 'type'>): Promise<TFromDecoder>;
  /** Ends the thread (an upload given up); safe to call more than once. */
  close(): Promise<void>;
}

interface TDecodeThread {
  worker: Worker;
  /** Settles if the thread dies first (out of memory on a huge archive): a failure, never a hang. */
  died: Promise<TFromDecoder>;
}

function startThread(): TDecodeThread {
  const worker = new Worker(threadEntry('datasets/dataset-decode.thread.js'));
  const died = new Promise<TFromDecoder>((resolve) => {
    worker.once('error', (e) => resolve({ type: 'failed', message: `the dataset thread crashed: ${e.message}` }));
    worker.once('exit', (code) => resolve({ type: 'failed', message: `the dataset thread exited (code ${code})` }));
  });
  return { worker, died };
}

/** Sends the message that asks for the thread's one answer, and waits for it (or its death). */
function ask({ worker, died }: TDecodeThread, message: TToDecoder): Promise<TFromDecoder> {
  const answer = new Promise<TFromDecoder>((resolve) => worker.once('message', resolve));
  worker.postMessage(message);
  return Promise.race([answer, died]);
}

export function startDecodeSession(): TDecodeSession {
  const thread = startThread();
  let closed = false;
  return {
    push: (field, data) => {
      // A copy the thread owns: the request's buffer is reused by the stream.
      const copy = new Uint8Array(data);
      thread.worker.postMessage({ type: 'chunk', field, data: copy } satisfies TToDecoder, [copy.buffer]);
    },
    finish: (end) => ask(thread, { type: 'end', ...end }),
    close: async () => {
      if (closed) return;
      closed = true;
      await thread.worker.terminate();
    },
  };
}

/** A built-in dataset's sample grid, drawn in a thread of its own (loading CIFAR-10 takes seconds). */
export async function renderBuiltinSamples(dataset: 'mnist' | 'cifar10', cacheDir: string): Promise<Uint8Array> {
  const thread = startThread();
  try {
    const answer = await ask(thread, { type: 'builtin-samples', dataset, cacheDir });
    if (answer.type !== 'samples')
      throw new Error(`drawing ${dataset}'s samples failed: ${answer.type === 'failed' ? answer.message : answer.type}`);
    return answer.png;
  } finally {
    await thread.worker.terminate();
  }
}
