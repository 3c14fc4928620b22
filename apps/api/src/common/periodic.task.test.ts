import type { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { PeriodicTask } from './periodic.task';

const logger = () => ({ warn: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PeriodicTask', () => {
  it('runs at once, then every interval, until stopped; outages stay quiet, other errors are logged', async () => {
    vi.useFakeTimers();
    const log = logger();
    const calls: number[] = [];
    const task = new PeriodicTask('sweep', log, async () => {
      calls.push(calls.length);
      if (calls.length === 2) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      if (calls.length === 3) throw new Error('column "x" does not exist');
    });
    task.start(1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(4);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(String(log.warn.mock.calls[0]![0])).toContain('column "x"');
    task.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(4);
    vi.useRealTimers();
    await settle();
  });

  it("stops by itself when the work answers 'done'", async () => {
    vi.useFakeTimers();
    let n = 0;
    const task = new PeriodicTask('once', logger(), async () => (++n === 2 ? 'done' : undefined));
    task.start(10);
    await vi.advanceTimersByTimeAsync(100);
    expect(n).toBe(2);
    task.stop();
    vi.useRealTimers();
  });
});
