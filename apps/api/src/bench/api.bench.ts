import { startBenchApi } from './api.process';
import { startBenchPostgres } from './bench.postgres';
import { formatRows, reportLine, type TBenchRow } from './bench.row';
import { benchIngestion } from './ingest.bench';
import { benchLiveLatency } from './live-latency.bench';
import { residentMiB } from './process.rss';
import { benchRunList } from './runs-list.bench';
import { seedRuns } from './runs.seed';
import { benchWorkerMemory } from './worker-memory.bench';
import { startWorkerSide } from './worker-side.context';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = env('BENCH_LIST_RUNS', 10_000);
const CONNECTIONS = env('BENCH_CONNECTIONS', 200);
const LOAD_MS = env('BENCH_LOAD_SECONDS', 10) * 1000;
const LIST_RATE = env('BENCH_LIST_RATE', 100);
const LIVE_POINTS = env('BENCH_LIVE_POINTS', 100);
const INGEST_SECONDS = env('BENCH_INGEST_SECONDS', 10);
const TRAIN_STEPS = env('BENCH_TRAIN_STEPS', 10);
const MEMORY_STEPS = env('BENCH_MEMORY_STEPS', 30);
const IDLE_MS = 10_000;
/** Which parts run (comma-separated): list, live, ingest, memory. */
const ONLY = new Set((process.env.BENCH_API_ONLY ?? 'list,live,ingest,memory').split(','));

const log = (line: string) => process.stderr.write(`[api bench] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `pnpm bench` for the API (issue #12, "at scale" and "memory"): 10,000 seeded runs in a
 * persistent embedded Postgres; the real API and worker as processes of their own; load from a
 * second process. Prints one row per goal with the measured value beside it.
 *
 * Knobs (environment): BENCH_API_ONLY=list,live,ingest,memory (parts to run), BENCH_LIST_RUNS,
 * BENCH_CONNECTIONS, BENCH_LOAD_SECONDS, BENCH_LIST_RATE (open-loop requests/s),
 * BENCH_LIVE_POINTS, BENCH_INGEST_SECONDS, BENCH_TRAIN_STEPS (0: no slowdown rows),
 * BENCH_MEMORY_STEPS. The database lives in .data/bench-api-postgres (delete it to reseed).
 */
async function main(): Promise<void> {
  const rows: TBenchRow[] = [];
  const { pg, database } = await startBenchPostgres();
  try {
    const url = await database('tensorscope');
    const seeded = await seedRuns(url, RUNS, log);
    log(seeded ? `seeded ${seeded} runs` : `the ${RUNS} seeded runs are there`);

    const api = await startBenchApi(url);
    try {
      await sleep(IDLE_MS);
      const idle = (await residentMiB(api.pid)) ?? Number.NaN;
      rows.push({
        name: 'API RSS at idle',
        value: idle,
        unit: 'MiB',
        goal: { max: 300 },
        note: `${IDLE_MS / 1000} s after start`,
      });
      if (ONLY.has('list')) {
        log(`GET /api/runs, ${CONNECTIONS} connections`);
        rows.push(...(await benchRunList(api, CONNECTIONS, LOAD_MS, LIST_RATE)).rows);
        rows.push({ name: 'API RSS after the load', value: (await residentMiB(api.pid)) ?? Number.NaN, unit: 'MiB' });
      }
      if (ONLY.has('live') || ONLY.has('ingest')) {
        const worker = await startWorkerSide(url);
        try {
          if (ONLY.has('live')) {
            log('live latency');
            rows.push(...(await benchLiveLatency(api, worker, LIVE_POINTS, 100)));
          }
          if (ONLY.has('ingest')) {
            log('ingestion');
            rows.push(...(await benchIngestion(worker, INGEST_SECONDS, TRAIN_STEPS, { postgres: pg.pid!, api: api.pid })));
          }
        } finally {
          await worker.close();
        }
      }
    } finally {
      await api.stop();
    }
    if (ONLY.has('memory')) {
      log('worker memory');
      rows.push(...(await benchWorkerMemory(await database('tensorscope_worker'), MEMORY_STEPS, log)));
    }
  } finally {
    await pg.stop();
  }
  console.log(`\napi bench (${RUNS} runs; shared machine: other processes may disturb timings)\n${formatRows(rows)}`);
  for (const r of rows) console.log(reportLine(/RSS|memory/i.test(r.name) ? 'memory' : 'API at scale', r));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
