import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { CLOCK, type Clock } from '../common/clock';
import { ENV, type TEnv } from '../env';
import { RunRepository } from './run.repository';

/**
 * A worker that dies (crash, OOM, machine lost) stops renewing its runs' heartbeat. Every API and
 * worker process sweeps for expired leases, so a dead worker's run ends `failed` with a reason
 * even when that worker never comes back. Conditional updates make concurrent sweeps harmless.
 */
@Injectable()
export class LeaseReaper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LeaseReaper');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runs: RunRepository,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: TEnv,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.max(1000, (this.env.LEASE_SECONDS * 1000) / 4);
    this.timer = setInterval(() => void this.sweep().catch((e: Error) => this.logger.warn(e.message)), every);
    this.timer.unref();
    void this.sweep().catch((e: Error) => this.logger.warn(e.message));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<string[]> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.LEASE_SECONDS * 1000);
    const failed = await this.runs.failExpired(cutoff, now, this.env.LEASE_SECONDS);
    for (const runId of failed) {
      this.logger.warn(`run ${runId}: lease expired, marked failed`);
      await this.bus.publish({ type: 'run.updated', runId });
    }
    return failed;
  }
}
