import { isDatabaseUnavailable } from './database-unavailable';

export interface OutageWaitOptions {
  /** Called once when an outage starts and once when it ends. */
  log: (message: string) => void;
  /** Stops waiting (the error is rethrown), e.g. when the process is shutting down. */
  giveUp?: () => boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Runs `op`, and while it fails because the database is unreachable, runs it again with backoff
 * (250 ms doubling to 5 s) until it succeeds. Other errors are rethrown at once. The worker wraps
 * every write of a run in this: training pauses at that write while the database is away and
 * goes on when it is back, instead of failing the run. Every write it wraps must be idempotent.
 */
export async function waitOutDatabaseOutage<T>(what: string, op: () => Promise<T>, options: OutageWaitOptions): Promise<T> {
  let delay = options.firstDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5000;
  let since: number | undefined;
  for (;;) {
    try {
      const result = await op();
      if (since !== undefined) options.log(`database is back: ${what} went through after ${((Date.now() - since) / 1000).toFixed(1)} s`);
      return result;
    } catch (e) {
      if (!isDatabaseUnavailable(e) || options.giveUp?.() === true) throw e;
      if (since === undefined) {
        since = Date.now();
        options.log(`database unavailable (${(e as Error).message}); ${what} waits for it`);
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}
