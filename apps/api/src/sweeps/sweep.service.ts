import { Inject, Injectable } from '@nestjs/common';
import { expandSweep, type TRun, type TSweep, type TSweepCreate, type TSweepList } from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { ApiError } from '../common/api-error';
import { CLOCK, type Clock } from '../common/clock';
import { toRuns } from '../runs/run.mapper';
import { DatasetGoneError, RunRepository } from '../runs/run.repository';
import { CustomRunResolver } from '../runs/custom-run.resolver';
import { RunListCache } from '../runs/run-list.cache';
import { toSweep } from './sweep.mapper';
import { SweepRepository } from './sweep.repository';

@Injectable()
export class SweepService {
  constructor(
    private readonly sweeps: SweepRepository,
    private readonly runs: RunRepository,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly customRuns: CustomRunResolver,
    private readonly listCache: RunListCache,
  ) {}

  /**
   * Validates every combination first (one bad one fails the sweep, nothing is created), stores
   * the sweep with all its runs in one transaction (queued runs are the training queue: however
   * many workers exist claim them), then signals them.
   */
  async create(input: TSweepCreate, ownerId: string): Promise<{ sweep: TSweep; runs: TRun[] }> {
    const expansion = expandSweep(input);
    if (!expansion.ok) throw ApiError.validation('sweep', expansion.errors);
    const configs = [];
    for (const { point, config } of expansion.runs) {
      const label = Object.entries(point)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      configs.push(await this.customRuns.resolve(config, { what: 'sweep', at: 'base.', label }));
    }
    const { sweep, runs } = await this.sweeps
      .create({ name: input.name, base: input.base, axes: input.axes, ownerId }, configs)
      .catch((e: unknown) => {
        throw e instanceof DatasetGoneError ? ApiError.validation('sweep', [{ path: 'base.dataset', message: e.message }]) : e;
      });
    this.listCache.clear();
    for (const run of runs) await this.bus.publish({ type: 'run.updated', runId: run.id });
    const rows = (await Promise.all(runs.map((r) => this.runs.findById(r.id)))).filter((r) => r !== null);
    return { sweep: await this.get(sweep.id), runs: toRuns(rows, this.clock.now(), await this.runs.queuePositions(rows)) };
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
