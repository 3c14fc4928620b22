import { Inject, Injectable } from '@nestjs/common';
import { expandSweep, type TRun, type TSweep, type TSweepCreate, type TSweepList } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import { JOB_QUEUE, type JobQueue } from '../queue/job-queue.port';
import { toRun } from '../runs/run.mapper';
import { RunRepository } from '../runs/run.repository';
import { toSweep } from './sweep.mapper';
import { SweepRepository } from './sweep.repository';

@Injectable()
export class SweepService {
  constructor(
    private readonly sweeps: SweepRepository,
    private readonly runs: RunRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Validates every combination first (one bad one fails the sweep, nothing is created), stores
   * the sweep with all its runs in one transaction, then queues one training job per run; the
   * queue hands them to however many workers exist.
   */
  async create(input: TSweepCreate): Promise<{ sweep: TSweep; runs: TRun[] }> {
    const expansion = expandSweep(input);
    if (!expansion.ok) throw ApiError.validation('sweep', expansion.errors);
    const { sweep, runs } = await this.sweeps.create(
      { name: input.name, base: input.base, axes: input.axes },
      expansion.runs.map((r) => r.config),
    );
    for (const [i, run] of runs.entries()) {
      try {
        await this.queue.enqueueTraining({ runId: run.id });
      } catch (e) {
        // Runs without a job must not sit "queued" forever: cancel this one and the rest.
        for (const rest of runs.slice(i)) await this.runs.cancelQueued(rest.id, this.clock.now());
        throw e;
      }
    }
    for (const run of runs) await this.bus.publish({ type: 'run.updated', runId: run.id });
    return this.get(sweep.id).then(async (s) => ({
      sweep: s,
      runs: (await Promise.all(runs.map((r) => this.runs.findById(r.id)))).map((r) => toRun(r!, this.clock.now())),
    }));
  }

  async get(id: string): Promise<TSweep> {
    const found = await this.sweeps.findById(id);
    if (!found) throw ApiError.notFound('sweep', id);
    return toSweep(found);
  }

  async list(): Promise<TSweepList> {
    return { items: (await this.sweeps.list(200)).map(toSweep) };
  }
}
