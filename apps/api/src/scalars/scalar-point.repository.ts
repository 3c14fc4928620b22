import { Injectable } from '@nestjs/common';
import type { TScalarPoint, TScalarTag, TTaggedScalar } from '@tensorscope/shared';
import { PgPoolService } from '../prisma/pg-pool.service';
import { PrismaService } from '../prisma/prisma.service';
import { ROLLUP_REFRESH_SQL } from './scalar-rollup.sql';
import { arrayLiteral, inlineParams, literal } from './sql-literal';

/** Scalar points: batched inserts, index range reads on (runId, tag, step). */
@Injectable()
export class ScalarPointRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPoolService,
  ) {}

  /**
   * One INSERT per batch (re-sent points — same run, tag, step — are ignored), and the rollup
   * buckets the batch touches, atomically: a compare read never sees points without their rollups.
   */
  async insertMany(runId: string, points: readonly TTaggedScalar[]): Promise<void> {
    if (points.length === 0) return;
    const fromStep = new Map<string, number>();
    for (const p of points) fromStep.set(p.tag, Math.min(p.step, fromStep.get(p.tag) ?? p.step));
    // One simple query holding the INSERT and every rollup level: one round trip, one implicit
    // transaction. The worker trains on its event loop, so each extra round trip waits for a
    // training step (measured: an 8-statement interactive transaction took 9 s and timed out).
    // Values travel as text: Postgres parses NaN/±Infinity (a diverged loss) and JavaScript's
    // round-trip decimals exactly.
    // ScalarPoint has no foreign key to Run (its per-point check was a third of the insert): the
    // run row is locked once (FOR KEY SHARE, as the key's check did per point) and a run that is
    // gone gets nothing. A run deleted meanwhile waits for this batch, then its delete trigger
    // removes these points too (see the migration scalar_point_without_fk).
    const insert = `WITH run AS (SELECT id FROM "Run" WHERE id = ${literal(runId)}::uuid FOR KEY SHARE)
      INSERT INTO "ScalarPoint" ("runId", tag, step, "wallTime", value)
      SELECT run.id, t, s, w, v FROM run, unnest(
        ${arrayLiteral(
          points.map((p) => p.tag),
          'text[]',
        )},
        ${arrayLiteral(
          points.map((p) => p.step),
          'int[]',
        )},
        ${arrayLiteral(
          points.map((p) => p.wallTime),
          'float8[]',
        )},
        ${arrayLiteral(
          points.map((p) => p.value),
          'float8[]',
        )}) AS u(t, s, w, v)
      ON CONFLICT DO NOTHING`;
    const tags = [...fromStep.keys()];
    const params = [
      `${literal(runId)}`,
      arrayLiteral(tags, 'text[]'),
      arrayLiteral(
        tags.map((t) => fromStep.get(t)!),
        'int[]',
      ),
    ];
    const rollups = ROLLUP_REFRESH_SQL.map((sql) => inlineParams(sql, params));
    await this.pg.pool.query([insert, ...rollups].join(';\n'));
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
