import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { PeriodicTask } from '../common/periodic.task';
import { SessionRepository } from './session.repository';

/** Expired sessions no longer sign anyone in (SessionRepository.find); this removes their rows, hourly. */
@Injectable()
export class SessionPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionPruner');
  private readonly task = new PeriodicTask('pruning expired sessions', this.logger, () => this.sessions.deleteExpired(this.clock.now()));

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(3_600_000);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
