import { Injectable } from '@nestjs/common';
import type { TScalarPoint, TScalarTag, TTaggedScalar } from '@tensorscope/shared';
import { PrismaService } from '../prisma/prisma.service';

/** Scalar points: batched inserts, index range reads on (runId, tag, step). */
@Injectable()
export class ScalarRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement per batch; re-sent points (same run, tag, step) are ignored. */
  async insertMany(runId: string, points: readonly TTaggedScalar[]): Promise<void> {
    if (points.length === 0) return;
    await this.prisma.client.scalarPoint.createMany({
      data: points.map((p) => ({ runId, tag: p.tag, step: p.step, wallTime: p.wallTime, value: p.value })),
      skipDuplicates: true,
    });
  }

  async read(runId: string, tag: TScalarTag, afterStep?: number): Promise<TScalarPoint[]> {
    const rows = await this.prisma.client.scalarPoint.findMany({
      where: { runId, tag, ...(afterStep !== undefined ? { step: { gt: afterStep } } : {}) },
      orderBy: { step: 'asc' },
      select: { step: true, wallTime: true, value: true },
    });
    return rows;
  }
}
