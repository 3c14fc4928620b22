import { Injectable } from '@nestjs/common';
import type { Prisma, Run as RunRow, Sweep as SweepRow } from '@prisma/client';
import type { TRunConfig, TRunStatus, TSweepAxis } from '@tensorscope/shared';
import { PrismaService } from '../prisma/prisma.service';
import { lockRunDatasets, runData } from '../runs/run.repository';

export interface SweepWithCounts {
  row: SweepRow;
  statusCounts: Partial<Record<TRunStatus, number>>;
}

/** The only code that reads or writes the Sweep table. */
@Injectable()
export class SweepRepository {
  constructor(private readonly prisma: PrismaService) {}

  private get db() {
    return this.prisma.client;
  }

  /** A sweep and all its runs in one transaction: either the whole sweep exists or none of it. */
  create(
    sweep: { name: string; base: Record<string, unknown>; axes: TSweepAxis[]; ownerId: string },
    configs: readonly TRunConfig[],
  ): Promise<{ sweep: SweepRow; runs: RunRow[] }> {
    return this.db.$transaction(async (tx) => {
      await lockRunDatasets(tx, configs);
      const row = await tx.sweep.create({
        data: {
          name: sweep.name,
          base: sweep.base as Prisma.InputJsonValue,
          axes: sweep.axes as unknown as Prisma.InputJsonValue,
          ownerId: sweep.ownerId,
        },
      });
      const runs: RunRow[] = [];
      // One by one, so createdAt orders the runs as the combinations were listed.
      for (const config of configs)
        runs.push(await tx.run.create({ data: { ...runData(config), sweepId: row.id, ownerId: sweep.ownerId } }));
      return { sweep: row, runs };
    });
  }

  async findById(id: string): Promise<SweepWithCounts | null> {
    const row = await this.db.sweep.findUnique({ where: { id } });
    if (!row) return null;
    return { row, statusCounts: (await this.counts([id])).get(id) ?? {} };
  }

  /** Newest first. */
  async list(limit: number): Promise<SweepWithCounts[]> {
    const rows = await this.db.sweep.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
    const counts = await this.counts(rows.map((r) => r.id));
    return rows.map((row) => ({ row, statusCounts: counts.get(row.id) ?? {} }));
  }

  private async counts(ids: readonly string[]): Promise<Map<string, Partial<Record<TRunStatus, number>>>> {
    const groups = await this.db.run.groupBy({ by: ['sweepId', 'status'], where: { sweepId: { in: [...ids] } }, _count: { _all: true } });
    const out = new Map<string, Partial<Record<TRunStatus, number>>>();
    for (const g of groups) {
      if (!g.sweepId) continue;
      const entry = out.get(g.sweepId) ?? {};
      entry[g.status] = g._count._all;
      out.set(g.sweepId, entry);
    }
    return out;
  }
}
