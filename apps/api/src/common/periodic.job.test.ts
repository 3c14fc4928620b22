import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { PeriodicJob } from './periodic.job';

class CountingJob extends PeriodicJob {
  rounds = 0;
  constructor(everyMs: number) {
    super('counting', new Logger('CountingJob'), everyMs);
  }
  protected async round(): Promise<void> {
    this.rounds++;
  }
}

describe('PeriodicJob', () => {
  it('runs from application bootstrap at its interval and stops at application shutdown', async () => {
    vi.useFakeTimers();
    try {
      const job = new CountingJob(1000);
      await vi.advanceTimersByTimeAsync(5000);
      expect(job.rounds).toBe(0); // nothing before bootstrap
      job.onApplicationBootstrap();
      await vi.advanceTimersByTimeAsync(0);
      expect(job.rounds).toBe(1);
      await vi.advanceTimersByTimeAsync(2000);
      expect(job.rounds).toBe(3);
      job.onApplicationShutdown();
      await vi.advanceTimersByTimeAsync(5000);
      expect(job.rounds).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
