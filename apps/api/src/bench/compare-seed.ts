/**
 * Seeds the compare benchmark straight into Postgres: BENCH_RUNS runs (default 100) of
 * BENCH_POINTS `train/loss` points each (default 100,000, one every 10 steps), plus their rollups.
 * Idempotent: runs already complete are kept, so a second bench run starts at once. Prints the run
 * ids as one JSON line last. Usage: DATABASE_URL=… node dist/bench/compare-seed.js
 */
import { ZRunConfig } from '@tensorscope/shared';
import { Client } from 'pg';
import { rebuildRollups } from '../scalars/scalar-rollup.rebuild';
import { OVERVIEW_PACK_SQL } from '../scalars/scalar-rollup.sql';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const POINTS = Number(process.env.BENCH_POINTS ?? 100_000);
const PREFIX = 'bench-compare-';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const ids: string[] = [];
    const started = Date.now();
    for (let i = 0; i < RUNS; i++) {
      const name = `${PREFIX}${String(i).padStart(3, '0')}`;
      const found = await db.query<{ id: string; n: number }>(
        `SELECT r.id, (SELECT count(*)::int FROM "ScalarPoint" p WHERE p."runId" = r.id AND p.tag = 'train/loss') AS n FROM "Run" r WHERE r.name = $1`,
        [name],
      );
      if (found.rows[0]?.n === POINTS) {
        const packed = await db.query(`SELECT 1 FROM "ScalarOverview" WHERE "runId" = $1 LIMIT 1`, [found.rows[0].id]);
        if (packed.rowCount === 0) await db.query(OVERVIEW_PACK_SQL, [found.rows[0].id]);
        ids.push(found.rows[0].id);
        continue;
      }
      if (found.rows[0]) await db.query(`DELETE FROM "Run" WHERE id = $1`, [found.rows[0].id]);
      // The rest from the shared schema's defaults, as the API would store them.
      const config = ZRunConfig.parse({
        name,
        model: 'lstm',
        hiddenSize: [128, 256, 1024][i % 3],
        learningRate: 0.001 * (1 + (i % 5)),
        epochs: 10,
        seed: i,
      });
      const run = await db.query<{ id: string }>(
        `INSERT INTO "Run" (id, name, model, config, status, "createdAt", "startedAt", "finishedAt", backend)
         VALUES (gen_random_uuid(), $1, 'lstm', $2, 'completed', now(), now() - interval '1 hour', now(), 'wasm') RETURNING id`,
        [name, JSON.stringify(config)],
      );
      const id = run.rows[0]!.id;
      // A falling noisy loss with a rare spike, different per run (seeded by i).
      await db.query(
        `INSERT INTO "ScalarPoint" ("runId", tag, step, "wallTime", value)
         SELECT $1::uuid, 'train/loss', s * 10, 1.7e12 + s * 250.0,
           2.3 * exp(-s / (20000.0 + $2 * 300)) + 0.15 * abs(sin(s * 0.37 + $2)) * (1 + (s % 97) / 97.0)
             + CASE WHEN s % 9973 = $2 THEN 3 ELSE 0 END
         FROM generate_series(0, $3::int - 1) AS s`,
        [id, i, POINTS],
      );
      await rebuildRollups((sql, params) => db.query(sql, params), id);
      // A finished run's rollups are packed, as the worker does when a run ends.
      await db.query(OVERVIEW_PACK_SQL, [id]);
      ids.push(id);
      process.stderr.write(`seeded ${name} (${i + 1}/${RUNS}) after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
    console.log(JSON.stringify({ runIds: ids, seedSeconds: (Date.now() - started) / 1000 }));
  } finally {
    await db.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
