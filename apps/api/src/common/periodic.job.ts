import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from './periodic.task';

/**
 * A provider whose `round()` runs in the background for as long as the app runs: from bootstrap,
 * every `everyMs`, until shutdown or until a round answers 'done' (rules in PeriodicTask). The
 * lifecycle wiring lives here once, so a subclass says only what it does and how often.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  /** `what` names the job in logged failures ("lease sweep: …"). */
  protected constructor(
    what: string,
    protected readonly logger: Logger,
    private readonly everyMs: number,
  ) {
    this.task = new PeriodicTask(what, logger, () => this.round());
  }

  protected abstract round(): Promise<'done' | unknown>;

  onApplicationBootstrap(): void {
    this.task.start(this.everyMs);
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }
}
