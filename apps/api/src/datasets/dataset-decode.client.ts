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

export function startDecodeSession(): TDecodeSession {
  const worker = new Worker(threadEntry('datasets/dataset-decode.thread.js'));
  // A thread that dies (out of memory on a huge archive) answers as a failure, never hangs.
  const died = new Promise<TFromDecoder>((resolve) => {
    worker.once('error', (e) => resolve({ type: 'failed', message: `the decoding thread crashed: ${e.message}` }));
    worker.once('exit', (code) => resolve({ type: 'failed', message: `the decoding thread exited (code ${code})` }));
  });
  let closed = false;
  return {
    push: (field, data) => {
      // A copy the thread owns: the request's buffer is reused by the stream.
      const copy = new Uint8Array(data);
      worker.postMessage({ type: 'chunk', field, data: copy } satisfies TToDecoder, [copy.buffer]);
    },
    finish: (end) => {
      const answer = new Promise<TFromDecoder>((resolve) => worker.once('message', resolve));
      worker.postMessage({ type: 'end', ...end } satisfies TToDecoder);
      return Promise.race([answer, died]);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}

/** A built-in dataset's sample grid, drawn in a thread of its own (loading CIFAR-10 takes seconds). */
export async function renderBuiltinSamples(dataset: 'mnist' | 'cifar10', cacheDir: string): Promise<Uint8Array> {
  const worker = new Worker(threadEntry('datasets/dataset-decode.thread.js'));
  try {
    const answer = await new Promise<TFromDecoder>((resolve) => {
      worker.once('message', resolve);
      worker.once('error', (e) => resolve({ type: 'failed', message: `the sample thread crashed: ${e.message}` }));
      worker.once('exit', (code) => resolve({ type: 'failed', message: `the sample thread exited (code ${code})` }));
      worker.postMessage({ type: 'builtin-samples', dataset, cacheDir } satisfies TToDecoder);
    });
    if (answer.type !== 'samples')
      throw new Error(`drawing ${dataset}'s samples failed: ${answer.type === 'failed' ? answer.message : answer.type}`);
    return answer.png;
  } finally {
    await worker.terminate();
  }
}
