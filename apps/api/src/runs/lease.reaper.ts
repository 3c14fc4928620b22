import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { CLOCK, type Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic.job';
import { ENV, type TEnv } from '../env';
import { RunRepository } from './run.repository';

/**
 * A worker that dies and does not come back (machine lost, OOM with no supervisor) stops renewing
 * its run's heartbeat. Every API and worker process sweeps for expired leases: such a run goes back
 * to the queue and resumes from its checkpoint on any worker, or fails with a reason once it has
 * used RUN_MAX_ATTEMPTS starts. Conditional updates make concurrent sweeps harmless.
 */
@Injectable()
export class LeaseReaper extends PeriodicJob {
  constructor(
    private readonly runs: RunRepository,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: TEnv,
  ) {
    super('lease sweep', new Logger('LeaseReaper'), Math.max(1000, (env.LEASE_SECONDS * 1000) / 4));
  }

  protected round(): Promise<unknown> {
    return this.sweep();
  }

  async sweep(): Promise<Array<{ id: string; outcome: 'requeued' | 'failed' | 'cancelled' }>> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.LEASE_SECONDS * 1000);
    const recovered = await this.runs.recoverExpired(cutoff, now, this.env.LEASE_SECONDS, this.env.RUN_MAX_ATTEMPTS);
    for (const { id, outcome } of recovered) {
      const what = {
        requeued: 'queued to resume from its checkpoint',
        failed: 'out of attempts, marked failed',
        cancelled: 'it had been asked to cancel: cancelled',
      }[outcome];
      this.logger.warn(`run ${id}: lease expired; ${what}`);
      // run.updated also wakes idle workers, so a requeued run starts at once.
      await this.bus.publish({ type: 'run.updated', runId: id });
    }
    return recovered;
  }
}
