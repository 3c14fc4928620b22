import type { TTaggedScalar } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase } from '../../test/throwaway-database';
import { migrateDatabase } from '../db/migrate';
import type { TEnv } from '../env';
import { PgPoolService } from '../prisma/pg-pool.service';
import { PrismaService } from '../prisma/prisma.service';
import { ScalarPointRepository } from './scalar-point.repository';
import { ScalarRollupRepository } from './scalar-rollup.repository';

/** Three tags over `n` steps, with a NaN and an Infinity (they must not enter sums or extremes). */
function series(n: number, every: number): TTaggedScalar[] {
  return ['train/loss', 'train/accuracy', 'weights/dense/kernel/mean'].flatMap((tag, t) =>
    Array.from({ length: n }, (_, i) => {
      let value = Math.exp(-i / 500) + 0.05 * Math.sin(i * (t + 1));
      if (i === 123) value = Number.NaN;
      if (i === 777) value = Number.POSITIVE_INFINITY;
      return { tag, step: i * every, wallTime: 1_700_000_000_000 + i * 7, value };
    }),
  );
}

// Databases that applied the scalar_overviews migration while it still held the backfill SQL keep
// working, and one that had points before rollups and overviews existed gets them, byte for byte
// as the live path (incremental rollups on insert, packing when a run ends) builds them.
describe('scalar history backfill at migrate', () => {
  let databaseUrl = '';
  let cleanup: (() => Promise<void>) | undefined;
  let prisma: PrismaService;
  let pool: PgPoolService;
  let points: ScalarPointRepository;
  let rollups: ScalarRollupRepository;
  const output: string[] = [];
  const migrate = async () => {
    output.length = 0;
    await migrateDatabase(databaseUrl, { onOutput: (line) => output.push(line) });
  };
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.pool.query(text, params)).rows as T[];

  beforeAll(async () => {
    ({ databaseUrl, cleanup } = await createThrowawayDatabase());
    await migrate();
    const env = { DATABASE_URL: databaseUrl } as TEnv;
    prisma = new PrismaService(env);
    pool = new PgPoolService(env);
    points = new ScalarPointRepository(prisma, pool);
    rollups = new ScalarRollupRepository(prisma, pool);
  });
  afterAll(async () => {
    await prisma?.onModuleDestroy();
    await pool?.onModuleDestroy();
    await cleanup?.();
  });

  const createRun = async (status: string) => {
    const id = randomUUID();
    await sql(`INSERT INTO "Run" (id, name, model, config, status) VALUES ($1, $2, 'lenet5', '{}', $3::"RunStatus")`, [
      id,
      `backfill-${id}`,
      status,
    ]);
    return id;
  };
  /** Points as they were stored before rollups existed: no rollup rows. */
  const insertBare = (runId: string, batch: readonly TTaggedScalar[]) =>
    sql(
      `INSERT INTO "ScalarPoint" ("runId", tag, step, "wallTime", value) SELECT $1::uuid, t, s, w, v FROM unnest($2::text[], $3::int[], $4::float8[], $5::text[]::float8[]) AS u(t, s, w, v)`,
      [runId, batch.map((p) => p.tag), batch.map((p) => p.step), batch.map((p) => p.wallTime), batch.map((p) => String(p.value))],
    );
  /** As the worker stores them: in batches, each with its rollups. */
  const append = async (runId: string, batch: readonly TTaggedScalar[]) => {
    for (let i = 0; i < batch.length; i += 501) await points.insertMany(runId, batch.slice(i, i + 501));
  };
  const rollupRows = (runId: string) =>
    sql<Record<string, unknown>>(
      `SELECT tag, width, bucket, count, "finiteCount", sum, "firstStep", "firstWall", "firstValue", "lastStep", "lastWall", "lastValue",
         "minStep", "minWall", "minValue", "maxStep", "maxWall", "maxValue"
       FROM "ScalarRollup" WHERE "runId" = $1 ORDER BY tag, width, bucket`,
      [runId],
    );
  const overviewRows = async (runId: string) =>
    (
      await sql<{ tag: string; width: number; buckets: number; data: Buffer }>(
        `SELECT tag, width, buckets, data FROM "ScalarOverview" WHERE "runId" = $1 ORDER BY tag, width`,
        [runId],
      )
    ).map((r) => ({ ...r, data: r.data.toString('hex') }));

  it('leaves a database that applied the old migration alone: deploy skips applied migrations whatever their file says', async () => {
    // What such a database holds: the checksum of the migration file as it was then (it had the backfill SQL).
    await sql(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name LIKE '%_scalar_overviews'`);
    await migrate();
    expect(output.join('\n')).toContain('No pending migrations to apply');
    expect(output.join('\n')).not.toContain('[scalars]');
  });

  it('builds the missing rollups and overviews exactly as the live path does, once', async () => {
    const long = series(3000, 10);
    // Live path: the expected rows.
    const sealed = await createRun('completed');
    await append(sealed, long);
    await rollups.pack(sealed);
    const live = await createRun('running');
    await append(live, long);

    // A finished run stored before rollups existed, a running one whose first half was, a run
    // failed without being sealed (the lease reaper's way), and one already complete.
    const legacy = await createRun('completed');
    await insertBare(legacy, long);
    const straddling = await createRun('running');
    const half = long.filter((p) => p.step < 15000);
    await insertBare(straddling, half);
    await append(
      straddling,
      long.filter((p) => p.step >= 15000),
    );
    const unsealed = await createRun('failed');
    await append(unsealed, long);
    const untouched = await createRun('completed');
    await append(untouched, long);
    await rollups.pack(untouched);
    await createRun('cancelled'); // no points: nothing to build

    expect(await rollupRows(legacy)).toEqual([]);
    expect((await rollupRows(straddling)).length).toBeGreaterThan(0);
    expect(await rollupRows(straddling)).not.toEqual(await rollupRows(live));

    await migrate();
    expect(output.join('\n')).toContain('[scalars] built the rollups and overviews of 3 run(s) stored without them');

    const expectedRollups = await rollupRows(sealed);
    expect(expectedRollups.length).toBeGreaterThan(3 * 50);
    const expectedOverviews = await overviewRows(sealed);
    expect(expectedOverviews).toHaveLength(3 * 7); // every tag at every level
    expect(await rollupRows(legacy)).toEqual(expectedRollups);
    expect(await overviewRows(legacy)).toEqual(expectedOverviews);
    expect(await rollupRows(straddling)).toEqual(await rollupRows(live));
    expect(await overviewRows(straddling)).toEqual([]); // still running: sealed when it ends
    expect(await overviewRows(unsealed)).toEqual(expectedOverviews);
    expect(await overviewRows(untouched)).toEqual(expectedOverviews);

    // Nothing left to do: a second migrate builds nothing.
    await migrate();
    expect(output.join('\n')).not.toContain('[scalars]');
  });
});
