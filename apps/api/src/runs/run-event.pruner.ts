import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { ENV, type TEnv } from '../env';
import { RunEventRepository } from './run-event.repository';

/**
 * Live events are kept RUN_EVENT_RETENTION_MINUTES for catch-up after a reconnect; a client gone
 * longer refetches the run's data instead (the answer says `complete: false`).
 */
@Injectable()
export class RunEventPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RunEventPruner');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: RunEventRepository,
    @Inject(ENV) private readonly env: TEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async prune(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.env.RUN_EVENT_RETENTION_MINUTES * 60_000);
    return this.events.prune(cutoff).catch((e: unknown) => {
      if (!isDatabaseUnavailable(e)) this.logger.warn(`pruning run events: ${String(e)}`);
      return 0;
    });
  }
}
