import type { TTaggedScalar } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase } from '../../test/throwaway-database';
import { migrateDatabase } from '../db/migrate';
import type { TEnv } from '../env';
import { PgPoolService } from '../prisma/pg-pool.service';
import { PrismaService } from '../prisma/prisma.service';
import { ScalarPointRepository } from './scalar-point.repository';

const FINEST = 64;

describe('scalar point insert (arrays as one constant, no foreign key, rollups on insert)', () => {
  let databaseUrl = '';
  let cleanup: (() => Promise<void>) | undefined;
  let prisma: PrismaService;
  let pool: PgPoolService;
  let points: ScalarPointRepository;
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.pool.query(text, params)).rows as T[];
  const createRun = async () => {
    const id = randomUUID();
    await sql(`INSERT INTO "Run" (id, name, model, config, status) VALUES ($1, $2, 'lenet5', '{}', 'running')`, [id, `points-${id}`]);
    return id;
  };
  const count = async (runId: string) =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "ScalarPoint" WHERE "runId" = $1`, [runId]))[0]!.n;

  beforeAll(async () => {
    ({ databaseUrl, cleanup } = await createThrowawayDatabase());
    await migrateDatabase(databaseUrl, { onOutput: () => undefined });
    const env = { DATABASE_URL: databaseUrl } as TEnv;
    prisma = new PrismaService(env);
    pool = new PgPoolService(env);
    points = new ScalarPointRepository(prisma, pool);
  });
  afterAll(async () => {
    await prisma?.onModuleDestroy();
    await pool?.onModuleDestroy();
    await cleanup?.();
  });

  it('stores every value exactly: NaN, ±Infinity, tiny and round-trip decimals, any valid tag', async () => {
    const runId = await createRun();
    const values = [0.1, 1 / 3, 0, 1e-7, 123456789.123456, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const tags = ['train/loss', 'weights/conv_1.kernel/mean-abs', 'a'];
    const batch: TTaggedScalar[] = tags.flatMap((tag, t) =>
      values.map((value, i) => ({ tag, step: i * 3 + t, wallTime: 1_700_000_000_000.25 + i, value })),
    );
    await points.insertMany(runId, batch);
    for (const tag of tags) {
      const back = await points.read(runId, tag);
      expect(back).toEqual(batch.filter((p) => p.tag === tag).map(({ step, wallTime, value }) => ({ step, wallTime, value })));
    }
  });

  it('stores nothing for a run that does not exist (no foreign key to refuse it), without failing', async () => {
    const missing = randomUUID();
    await points.insertMany(missing, [{ tag: 'train/loss', step: 1, wallTime: 1, value: 1 }]);
    expect(await count(missing)).toBe(0);
    expect(await sql(`SELECT 1 FROM "ScalarRollup" WHERE "runId" = $1`, [missing])).toEqual([]);
  });

  it('keeps no point of a run deleted while a batch goes in, whichever commits first', async () => {
    const other = new Client({ connectionString: databaseUrl });
    await other.connect();
    try {
      // The delete first: the batch waits for it, then finds no run.
      const first = await createRun();
      await points.insertMany(first, [{ tag: 'train/loss', step: 1, wallTime: 1, value: 1 }]);
      await other.query('BEGIN');
      await other.query(`DELETE FROM "Run" WHERE id = $1`, [first]);
      const late = points.insertMany(first, [{ tag: 'train/loss', step: 2, wallTime: 2, value: 2 }]);
      await new Promise((r) => setTimeout(r, 300));
      await other.query('COMMIT');
      await late;
      expect(await count(first)).toBe(0);

      // The batch first (as the insert locks the run): the delete waits for it, then its trigger
      // sees the batch's points and deletes them.
      const second = await createRun();
      await other.query('BEGIN');
      await other.query(`SELECT 1 FROM "Run" WHERE id = $1 FOR KEY SHARE`, [second]);
      await other.query(`INSERT INTO "ScalarPoint" ("runId", tag, step, "wallTime", value) VALUES ($1, 'train/loss', 1, 1, 1)`, [second]);
      const deleting = sql(`DELETE FROM "Run" WHERE id = $1`, [second]);
      await new Promise((r) => setTimeout(r, 300));
      await other.query('COMMIT');
      await deleting;
      expect(await count(second)).toBe(0);
    } finally {
      await other.end();
    }
  });

  it('keeps the finest rollup buckets right: first, last, extremes (earliest step on ties), finite count and sum', async () => {
    const runId = await createRun();
    const pattern = [2, -1, Number.NaN, -1, 5, 5, Number.POSITIVE_INFINITY, 0, 0.25, 3];
    const batch: TTaggedScalar[] = Array.from({ length: 300 }, (_, i) => ({
      tag: 'train/loss',
      step: i * 3,
      wallTime: 1_700_000_000_000 + i,
      value: pattern[i % pattern.length]!,
    }));
    // In uneven batches, as a worker flushes.
    for (const [from, to] of [
      [0, 7],
      [7, 130],
      [130, 300],
    ] as const) {
      await points.insertMany(runId, batch.slice(from, to));
    }
    const rows = await sql<Record<string, number | null>>(
      `SELECT bucket, count, "finiteCount", sum, "firstStep", "firstWall", "firstValue", "lastStep", "lastWall", "lastValue",
         "minStep", "minWall", "minValue", "maxStep", "maxWall", "maxValue"
       FROM "ScalarRollup" WHERE "runId" = $1 AND width = $2 ORDER BY bucket`,
      [runId, FINEST],
    );
    const buckets = new Map<number, TTaggedScalar[]>();
    for (const p of batch) buckets.set(Math.floor(p.step / FINEST), [...(buckets.get(Math.floor(p.step / FINEST)) ?? []), p]);
    const expected = [...buckets].map(([bucket, ps]) => {
      const finite = ps.filter((p) => Number.isFinite(p.value));
      // Strict comparisons keep the earliest step among equal values.
      const min = finite.reduce((a, p) => (p.value < a.value ? p : a));
      const max = finite.reduce((a, p) => (p.value > a.value ? p : a));
      const first = ps[0]!;
      const last = ps[ps.length - 1]!;
      return {
        bucket,
        count: ps.length,
        finiteCount: finite.length,
        sum: finite.reduce((s, p) => s + p.value, 0),
        firstStep: first.step,
        firstWall: first.wallTime,
        firstValue: first.value,
        lastStep: last.step,
        lastWall: last.wallTime,
        lastValue: last.value,
        minStep: min.step,
        minWall: min.wallTime,
        minValue: min.value,
        maxStep: max.step,
        maxWall: max.wallTime,
        maxValue: max.value,
      };
    });
    expect(rows).toEqual(expected);
  });
});
