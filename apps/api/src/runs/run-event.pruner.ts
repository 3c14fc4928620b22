import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { PeriodicTask } from '../common/periodic.task';
import { ENV, type TEnv } from '../env';
import { RunEventRepository } from './run-event.repository';

/**
 * Live events are kept RUN_EVENT_RETENTION_MINUTES for catch-up after a reconnect; a client gone
 * longer refetches the run's data instead (the answer says `complete: false`).
 */
@Injectable()
export class RunEventPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RunEventPruner');
  private readonly task = new PeriodicTask('pruning run events', this.logger, () => this.prune());

  constructor(
    private readonly events: RunEventRepository,
    @Inject(ENV) private readonly env: TEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(60_000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  prune(): Promise<number> {
    return this.events.prune(new Date(this.clock.now().getTime() - this.env.RUN_EVENT_RETENTION_MINUTES * 60_000));
  }
}
