/*
 * At most `max` tasks at once, the rest started in the order they asked. For many queries of one
 * kind: each queryFn waits for a slot here, so the list of queries (and the options TanStack Query
 * re-applies to every observer when it changes) stays the same while they drain.
 */

export type TLimit = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function createLimit(max: number): TLimit {
  let active = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its slot to the next waiting one directly, so a newcomer can't slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const slot = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (active < max) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      // Cancelled while waiting: leave the queue, holding no slot.
      const abort = () => {
        const i = waiting.indexOf(go);
        if (i >= 0) waiting.splice(i, 1);
        reject(signal!.reason as Error);
      };
      waiting.push(go);
      signal?.addEventListener('abort', abort, { once: true });
    });
  };
  return async (task, signal) => {
    await slot(signal);
    try {
      return await task();
    } finally {
      release();
    }
  };
}
