import type { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '../db/database-unavailable';

/**
 * Background work of a process (lease sweeps, event pruning, first-admin retries): runs `work`
 * now and then every `everyMs` until stopped or until `work` answers 'done'. A database outage is
 * expected and stays quiet (the next round retries); other failures are logged, never thrown into
 * a timer. Its timer never keeps the process alive, and a round never overlaps the previous one.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly work: () => Promise<'done' | unknown>,
  ) {}

  start(everyMs: number): void {
    this.stopped = false;
    const round = async () => {
      let outcome: unknown;
      try {
        outcome = await this.work();
      } catch (e) {
        if (!isDatabaseUnavailable(e)) this.logger.warn(`${this.what}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (outcome === 'done' || this.stopped) return;
      this.timer = setTimeout(() => void round(), everyMs);
      this.timer.unref();
    };
    void round();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
