import { Injectable } from '@nestjs/common';
import type { TScalarPoint, TScalarTag, TTaggedScalar } from '@tensorscope/shared';
import { ScalarRollupRepository } from '../compare/scalar-rollup.repository';
import { PrismaService } from '../prisma/prisma.service';

/** Scalar points: batched inserts, index range reads on (runId, tag, step). */
@Injectable()
export class ScalarRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly rollups: ScalarRollupRepository,
  ) {}

  /**
   * One INSERT per batch (re-sent points — same run, tag, step — are ignored), and the rollup
   * buckets the batch touches, in the same transaction: a compare read never sees points without
   * their rollups.
   */
  async insertMany(runId: string, points: readonly TTaggedScalar[]): Promise<void> {
    if (points.length === 0) return;
    const fromStep = new Map<string, number>();
    for (const p of points) fromStep.set(p.tag, Math.min(p.step, fromStep.get(p.tag) ?? p.step));
    await this.prisma.client.$transaction(async (tx) => {
      // Raw SQL, values as text: Prisma's createMany cannot carry NaN or ±Infinity (a diverged
      // loss), and Postgres parses 'NaN'/'Infinity' and JavaScript's round-trip decimals exactly.
      await tx.$executeRawUnsafe(
        `INSERT INTO "ScalarPoint" ("runId", tag, step, "wallTime", value)
         SELECT $1::uuid, t, s, w, v::float8 FROM unnest($2::text[], $3::int[], $4::float8[], $5::text[]) AS u(t, s, w, v)
         ON CONFLICT DO NOTHING`,
        runId,
        points.map((p) => p.tag),
        points.map((p) => p.step),
        points.map((p) => p.wallTime),
        points.map((p) => String(p.value)),
      );
      await this.rollups.refresh(tx, runId, fromStep);
    });
  }

  async read(runId: string, tag: TScalarTag, afterStep?: number, toStep?: number): Promise<TScalarPoint[]> {
    const rows = await this.prisma.client.scalarPoint.findMany({
      where: {
        runId,
        tag,
        ...(afterStep !== undefined || toStep !== undefined
          ? { step: { ...(afterStep !== undefined ? { gt: afterStep } : {}), ...(toStep !== undefined ? { lte: toStep } : {}) } }
          : {}),
      },
      orderBy: { step: 'asc' },
      select: { step: true, wallTime: true, value: true },
    });
    return rows;
  }
}
