import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic.job';
import { ENV, type TEnv } from '../env';
import { RunEventRepository } from './run-event.repository';

/**
 * Live events are kept RUN_EVENT_RETENTION_MINUTES for catch-up after a reconnect; a client gone
 * longer refetches the run's data instead (the answer says `complete: false`).
 */
@Injectable()
export class RunEventPruner extends PeriodicJob {
  constructor(
    private readonly events: RunEventRepository,
    @Inject(ENV) private readonly env: TEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('pruning run events', new Logger('RunEventPruner'), 60_000);
  }

  protected round(): Promise<unknown> {
    return this.prune();
  }

  prune(): Promise<number> {
    return this.events.prune(new Date(this.clock.now().getTime() - this.env.RUN_EVENT_RETENTION_MINUTES * 60_000));
  }
}
