import { Inject, Injectable } from '@nestjs/common';
import {
  FINISHED_STATUSES,
  resolveRunNetwork,
  withRunName,
  type TRun,
  type TRunConfig,
  type TRunEvents,
  type TRunLogs,
  type TRunUpdate,
  type TRunList,
  type TRunListQuery,
  type TScalarQuery,
  type TScalarSeries,
} from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import type { TPrincipal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { assertMayManage } from './run-ownership';
import { RunEventRepository } from './run-event.repository';
import { RunLogRepository } from './run-log.repository';
import { CLOCK, type Clock } from '../common/clock';
import { toRun } from './run.mapper';
import { DatasetGoneError, RunRepository } from './run.repository';
import type { Run as RunRow } from '@prisma/client';
import { ScalarStore } from '../scalars/scalar.store';
import { CustomRunResolver } from './custom-run.resolver';
import { RunListCache } from './run-list.cache';

@Injectable()
export class RunService {
  constructor(
    private readonly runs: RunRepository,
    private readonly scalars: ScalarStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runEvents: RunEventRepository,
    private readonly runLogs: RunLogRepository,
    private readonly customRuns: CustomRunResolver,
    private readonly listCache: RunListCache,
  ) {}

  async create(config: TRunConfig, principal: TPrincipal): Promise<TRun> {
    // The queued row is the job: idle workers claim it (this signal only wakes them early).
    // A run posted without a name is named after what sets it apart (model, shape, optimizer…).
    const row = await this.runs.create(withRunName(await this.customRuns.resolve(config)), principal.user.id).catch((e: unknown) => {
      throw e instanceof DatasetGoneError ? ApiError.validation('run config', [{ path: 'dataset', message: e.message }]) : e;
    });
    this.listCache.clear();
    await this.bus.publish({ type: 'run.updated', runId: row.id });
    return this.answer(row);
  }

  async get(id: string): Promise<TRun> {
    const row = await this.runs.findById(id);
    if (!row) throw ApiError.notFound('run', id);
    return this.answer(row);
  }

  /** A page of runs as the JSON text answered (TRunList): serialised once per cached answer, not per request. */
  async listJson(query: TRunListQuery): Promise<string> {
    return this.listCache.getOrLoad(JSON.stringify(query), async () => {
      const { rows, total } = await this.runs.list(query);
      const now = this.clock.now();
      const items = rows.map((row) => toRun(row, now, row.queuePosition));
      const list: TRunList = { items, total, page: query.page, pageSize: query.pageSize };
      return JSON.stringify(list);
    });
  }

  /** One row as answered: with its place in the queue while it waits there, and its network layer by layer. */
  private async answer(row: RunRow): Promise<TRun> {
    const run = toRun(row, this.clock.now(), (await this.runs.queuePositions([row])).get(row.id) ?? null);
    const network = resolveRunNetwork(run.config);
    return network.ok ? { ...run, network: network.network } : run;
  }

  async scalarSeries(id: string, query: TScalarQuery): Promise<TScalarSeries> {
    const run = await this.get(id);
    if (query.buckets !== undefined && query.afterStep === undefined) {
      // Downsampled reads as the compare view's: a 1,000,000-point series is served from its
      // rollups instead of being read in full (smoothing then runs over bucket means).
      const [s] = await this.scalars.readDownsampled([{ runId: id, tag: query.tag, finished: FINISHED_STATUSES.includes(run.status) }], {
        ...query,
        buckets: query.buckets,
      });
      if (!s) return { points: [] };
      return {
        points: s.steps.map((step, i) => ({
          step,
          wallTime: s.wallTimes[i]!,
          value: (s.smoothed ? s.smoothed[i] : s.values[i]) ?? Number.NaN,
        })),
      };
    }
    return { points: await this.scalars.read(id, query) };
  }

  /** Queued runs end at once; running ones are flagged and their worker stops at the next step. */
  async cancel(id: string, principal: TPrincipal): Promise<TRun> {
    const run = await this.get(id);
    assertMayManage(principal, run, 'cancel');
    if (run.status === 'queued' && (await this.runs.cancelQueued(id, this.clock.now()))) {
      this.listCache.clear();
      await this.bus.publish({ type: 'run.updated', runId: id });
    } else if (await this.runs.requestCancel(id)) {
      this.listCache.clear();
      await this.bus.publish({ type: 'run.cancel', runId: id });
      await this.bus.publish({ type: 'run.updated', runId: id });
    } else {
      const now = await this.get(id);
      throw ApiError.conflict(`run ${id} is already ${now.status}; only queued or running runs can be cancelled`, {
        status: now.status,
      });
    }
    return this.get(id);
  }

  /** Rename, notes, tags, archive/restore: the same who-may as cancel and delete (owner or admin). */
  async update(id: string, update: TRunUpdate, principal: TPrincipal): Promise<TRun> {
    assertMayManage(principal, await this.get(id), updateVerb(update));
    const row = await this.runs.update(id, update, this.clock.now());
    if (!row) throw ApiError.notFound('run', id);
    if ('refused' in row) throw ApiError.validation('run update', [{ path: 'addTags', message: row.refused }]);
    this.listCache.clear();
    // Open dashboards (the list, the run's page) take the new row from this event.
    await this.bus.publish({ type: 'run.updated', runId: id });
    return this.answer(row);
  }

  async logs(id: string, afterId: number): Promise<TRunLogs> {
    await this.get(id); // 404 for a run that does not exist
    return { lines: await this.runLogs.after(id, afterId) };
  }

  async events(id: string, afterSeq: number): Promise<TRunEvents> {
    const answer = await this.runEvents.after(id, afterSeq);
    if (!answer) throw ApiError.notFound('run', id);
    return answer;
  }

  /** Hard delete of a finished run and everything it stored; a queued or running run must be cancelled first. */
  async delete(id: string, principal: TPrincipal): Promise<void> {
    const run = await this.get(id);
    assertMayManage(principal, run, 'delete');
    const outcome = await this.runs.deleteFinished(id);
    if (outcome === 'missing') throw ApiError.notFound('run', id);
    if (outcome === 'active')
      throw ApiError.conflict(`run ${id} is ${(await this.get(id)).status}; cancel it before deleting it`, { status: run.status });
    this.listCache.clear();
    await this.bus.publish({ type: 'run.deleted', runId: id });
  }
}

/** What a refused update was about, for the 403's message ("may not archive run …"). */
function updateVerb(update: TRunUpdate): string {
  if (update.archived !== undefined) return update.archived ? 'archive' : 'restore';
  if (update.name !== undefined) return 'rename';
  return 'edit the notes or tags of';
}
