import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic.job';
import { SessionRepository } from './session.repository';

/** Expired sessions no longer sign anyone in (SessionRepository.find); this removes their rows, hourly. */
@Injectable()
export class SessionPruner extends PeriodicJob {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('pruning expired sessions', new Logger('SessionPruner'), 3_600_000);
  }

  protected round(): Promise<unknown> {
    return this.sessions.deleteExpired(this.clock.now());
  }
}
