import { Injectable } from '@nestjs/common';
import { Prisma, type Run as RunRow } from '@prisma/client';
import type { TBackendName, TBestMetrics, TFinalMetrics, TRunConfig, TRunListQuery, TRunProgress } from '@tensorscope/shared';
import { PrismaService } from '../prisma/prisma.service';

/** The Run columns a config fills (shared with sweep creation). */
export const runData = (config: TRunConfig) => ({
  name: config.name,
  model: config.model,
  config: config as unknown as Prisma.InputJsonValue,
});

type FinishStatus = 'completed' | 'failed' | 'cancelled';

/** The only code that reads or writes the Run table. State changes are conditional updates, so
 *  two processes (API cancel, worker claim, lease reaper) can race without corrupting a run. */
@Injectable()
export class RunRepository {
  constructor(private readonly prisma: PrismaService) {}

  private get db() {
    return this.prisma.client;
  }

  create(config: TRunConfig): Promise<RunRow> {
    return this.db.run.create({ data: runData(config) });
  }

  findById(id: string): Promise<RunRow | null> {
    return this.db.run.findUnique({ where: { id } });
  }

  async list(query: TRunListQuery): Promise<{ rows: RunRow[]; total: number }> {
    const where: Prisma.RunWhereInput = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.model ? { model: query.model } : {}),
      ...(query.name ? { name: { contains: query.name, mode: 'insensitive' } } : {}),
      ...(query.sweepId ? { sweepId: query.sweepId } : {}),
    };
    const [rows, total] = await this.db.$transaction([
      this.db.run.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.db.run.count({ where }),
    ]);
    return { rows, total };
  }

  /** queued → cancelled; false if the run was no longer queued. */
  async cancelQueued(id: string, now: Date): Promise<boolean> {
    const r = await this.db.run.updateMany({
      where: { id, status: 'queued' },
      data: { status: 'cancelled', finishedAt: now, error: null },
    });
    return r.count === 1;
  }

  /** Flags a running run; its worker stops at the next step. */
  async requestCancel(id: string): Promise<boolean> {
    const r = await this.db.run.updateMany({ where: { id, status: 'running' }, data: { cancelRequested: true } });
    return r.count === 1;
  }

  /** queued → running for one worker; false if another worker or a cancel got there first. */
  async claim(id: string, workerId: string, now: Date): Promise<boolean> {
    const r = await this.db.run.updateMany({
      where: { id, status: 'queued' },
      data: { status: 'running', workerId, startedAt: now, heartbeatAt: now },
    });
    return r.count === 1;
  }

  setBackend(id: string, backend: TBackendName): Promise<RunRow> {
    return this.db.run.update({ where: { id }, data: { backend } });
  }

  /** Saves progress and renews the lease; answers whether a cancel was requested. */
  async heartbeat(id: string, now: Date, progress?: TRunProgress): Promise<{ cancelRequested: boolean }> {
    const row = await this.db.run.update({
      where: { id },
      data: { heartbeatAt: now, ...(progress ? { progress: progress as unknown as Prisma.InputJsonValue } : {}) },
      select: { cancelRequested: true },
    });
    return row;
  }

  setFinalMetrics(id: string, metrics: TFinalMetrics, best: TBestMetrics): Promise<unknown> {
    return this.db.run.update({ where: { id }, data: { finalMetrics: metrics, bestMetrics: best } });
  }

  /** Status of each of these runs that exists (answers that must name missing runs use it). */
  async statuses(ids: readonly string[]): Promise<Map<string, RunRow['status']>> {
    const rows = await this.db.run.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true } });
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** running → a final status, only while this worker still owns the run. */
  async finish(
    id: string,
    workerId: string,
    status: FinishStatus,
    now: Date,
    error: string | null = null,
  ): Promise<boolean> {
    const r = await this.db.run.updateMany({
      where: { id, status: 'running', workerId },
      data: { status, finishedAt: now, error },
    });
    return r.count === 1;
  }

  /** Fails every running run whose lease expired; answers their ids. */
  async failExpired(cutoff: Date, now: Date, leaseSeconds: number): Promise<string[]> {
    const stale = await this.db.run.findMany({
      where: { status: 'running', heartbeatAt: { lt: cutoff } },
      select: { id: true, workerId: true },
    });
    const failed: string[] = [];
    for (const run of stale) {
      const r = await this.db.run.updateMany({
        where: { id: run.id, status: 'running', heartbeatAt: { lt: cutoff } },
        data: {
          status: 'failed',
          finishedAt: now,
          error: `Worker ${run.workerId ?? '?'} stopped sending heartbeats for over ${leaseSeconds} s (crashed or lost its database connection); the run was marked failed. Everything logged before that is kept.`,
        },
      });
      if (r.count === 1) failed.push(run.id);
    }
    return failed;
  }
}
