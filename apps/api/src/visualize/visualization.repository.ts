import { Injectable } from '@nestjs/common';
import type { Prisma, Visualization as VisualizationRow } from '@prisma/client';
import type { TVisualizationParams, TVisualizationResult } from '@tensorscope/shared';
import { PrismaService } from '../prisma/prisma.service';

/** The only code touching the Visualization tables. State changes are conditional updates. */
@Injectable()
export class VisualizationRepository {
  constructor(private readonly prisma: PrismaService) {}

  private get db() {
    return this.prisma.client;
  }

  findCached(runId: string, step: number, paramsKey: string): Promise<VisualizationRow | null> {
    return this.db.visualization.findUnique({ where: { runId_step_paramsKey: { runId, step, paramsKey } } });
  }

  findById(id: string): Promise<VisualizationRow | null> {
    return this.db.visualization.findUnique({ where: { id } });
  }

  list(runId: string): Promise<VisualizationRow[]> {
    return this.db.visualization.findMany({ where: { runId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500 });
  }

  /** A new queued job, or the cached one reset to queued (its images dropped) when recomputing. */
  async queue(runId: string, step: number, params: TVisualizationParams, paramsKey: string): Promise<VisualizationRow> {
    return this.db.$transaction(async (tx) => {
      const existing = await tx.visualization.findUnique({ where: { runId_step_paramsKey: { runId, step, paramsKey } } });
      if (!existing) {
        return tx.visualization.create({ data: { runId, step, kind: params.kind, params: params as Prisma.InputJsonValue, paramsKey } });
      }
      await tx.visualizationImage.deleteMany({ where: { visualizationId: existing.id } });
      return tx.visualization.update({
        where: { id: existing.id },
        data: { status: 'queued', progress: 0, error: null, result: undefined, finishedAt: null, createdAt: new Date() },
      });
    });
  }

  /** queued → running; false if another worker took it (or it was reset meanwhile). */
  async claim(id: string): Promise<boolean> {
    const r = await this.db.visualization.updateMany({ where: { id, status: 'queued' }, data: { status: 'running', progress: 0 } });
    return r.count === 1;
  }

  setProgress(id: string, progress: number): Promise<unknown> {
    return this.db.visualization.updateMany({ where: { id, status: 'running' }, data: { progress } });
  }

  /** Result and images in one transaction: a completed visualization always has its PNGs. */
  async complete(id: string, result: TVisualizationResult, images: readonly { name: string; png: Uint8Array }[]): Promise<void> {
    await this.db.$transaction([
      this.db.visualizationImage.deleteMany({ where: { visualizationId: id } }),
      this.db.visualizationImage.createMany({ data: images.map((i) => ({ visualizationId: id, name: i.name, png: Buffer.from(i.png) })) }),
      this.db.visualization.update({
        where: { id },
        data: { status: 'completed', progress: 1, result: result as unknown as Prisma.InputJsonValue, finishedAt: new Date(), error: null },
      }),
    ]);
  }

  fail(id: string, error: string): Promise<unknown> {
    return this.db.visualization.updateMany({
      where: { id },
      data: { status: 'failed', error: error.slice(0, 2000), finishedAt: new Date() },
    });
  }

  async image(id: string, name: string): Promise<Buffer | null> {
    const row = await this.db.visualizationImage.findUnique({
      where: { visualizationId_name: { visualizationId: id, name } },
      select: { png: true },
    });
    return row ? Buffer.from(row.png) : null;
  }
}
