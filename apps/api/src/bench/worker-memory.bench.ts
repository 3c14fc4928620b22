import { spawn } from 'node:child_process';
import path from 'node:path';
import { ZRunConfig } from '@tensorscope/shared';
import { Client } from 'pg';
import { stopChild } from './api.process';
import type { TBenchRow } from './bench.row';
import { residentMiB } from './process.rss';

/**
 * A real worker process (`dist/worker.main.js`) trains a short course-LeNet run (CIFAR RGB
 * 32×32, batch 64, Adam; layer statistics, evaluations and snapshots every few steps, so every
 * path that holds memory runs), on two threads and then on one, while its resident set, trainer
 * and helper threads included, is sampled every 200 ms. `databaseUrl` must be a database of its
 * own: the worker takes the oldest queued run.
 */
export async function benchWorkerMemory(databaseUrl: string, steps: number, log: (line: string) => void): Promise<TBenchRow[]> {
  // Both settings a worker may train on (TRAIN_THREADS=auto picks either as it goes): the goal holds for each.
  const rows: TBenchRow[] = [];
  for (const threads of ['2', '1'] as const) rows.push(await peakOf(databaseUrl, steps, threads, log));
  return rows;
}

async function peakOf(databaseUrl: string, steps: number, threads: '1' | '2', log: (line: string) => void): Promise<TBenchRow> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let peak = 0;
  let samples = 0;
  const config = ZRunConfig.parse({
    name: `bench-memory-${Date.now()}`,
    model: 'lenet5',
    variant: 'cifar-rgb32',
    batchSize: 64,
    trainSubset: 64 * steps,
    evalSubset: 1000,
    evalInterval: 10,
    statsInterval: 10,
    snapshotsPerEpoch: 4,
  });
  // Nothing else may be waiting in this database's queue.
  await db.query(`UPDATE "Run" SET status = 'cancelled' WHERE status IN ('queued', 'running')`);
  const created = await db.query<{ id: string }>(
    `INSERT INTO "Run" (id, name, model, config) VALUES (gen_random_uuid(), $1, 'lenet5', $2) RETURNING id`,
    [config.name, JSON.stringify(config)],
  );
  const runId = created.rows[0]!.id;
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'worker.main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_ID: 'bench-memory', WORKER_POLL_MS: '200', TRAIN_THREADS: threads },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const started = Date.now();
  let status = 'queued';
  let backend: string | null = null;
  try {
    while (Date.now() - started < 600_000) {
      if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}: ${stderr}`);
      const rss = await residentMiB(child.pid!);
      if (rss !== null) {
        peak = Math.max(peak, rss);
        samples++;
      }
      const row = await db.query<{ status: string; backend: string | null; error: string | null }>(
        `SELECT status::text, backend, error FROM "Run" WHERE id = $1`,
        [runId],
      );
      ({ status, backend } = row.rows[0]!);
      if (status === 'failed') throw new Error(`the bench run failed: ${row.rows[0]!.error}`);
      if (status === 'completed' || status === 'cancelled') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    log(
      `worker memory run (${threads} thread${threads === '1' ? '' : 's'}) ${status} after ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await stopChild(child);
    await db.end();
  }
  return {
    name: `worker RSS, course LeNet run (peak), TRAIN_THREADS=${threads}`,
    value: status === 'completed' ? peak : Number.NaN,
    unit: 'MiB',
    goal: { max: 1024 },
    note: `${steps} steps on ${backend ?? '?'}, stats/eval every 10 steps, ${samples} samples`,
  };
}
