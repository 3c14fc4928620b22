import { startBenchApi } from './api.process';
import { startBenchPostgres } from './bench.postgres';
import { formatRows, type TBenchRow } from './bench.row';
import { residentMiB } from './process.rss';
import { benchRunList } from './runs-list.bench';
import { seedRuns } from './runs.seed';

const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const LOAD_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 10) * 1000;
const IDLE_MS = 10_000;

const log = (line: string) => process.stderr.write(`[api bench] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `pnpm bench` for the API (issue #12, "at scale" and "memory"): 10,000 seeded runs in a
 * persistent embedded Postgres; the real API and worker as processes of their own; load from a
 * second process. Prints one row per goal with the measured value beside it.
 */
async function main(): Promise<void> {
  const rows: TBenchRow[] = [];
  const { pg, database } = await startBenchPostgres(log);
  try {
    const url = await database('tensorscope');
    const seeded = await seedRuns(url, RUNS, log);
    log(seeded ? `seeded ${seeded} runs` : `the ${RUNS} seeded runs are there`);

    const api = await startBenchApi(url);
    try {
      await sleep(IDLE_MS);
      rows.push({
        name: 'API RSS at idle',
        value: (await residentMiB(api.pid)) ?? Number.NaN,
        unit: 'MiB',
        goal: { op: '<', limit: 300 },
        note: `${IDLE_MS / 1000} s after start`,
      });
      const list = await benchRunList(api, CONNECTIONS, LOAD_MS);
      rows.push(...list.rows);
      rows.push({ name: 'API RSS after the load', value: (await residentMiB(api.pid)) ?? Number.NaN, unit: 'MiB' });
    } finally {
      await api.stop();
    }
  } finally {
    await pg.stop();
  }
  console.log(`\napi bench (${RUNS} runs; shared machine: other processes may disturb timings)\n${formatRows(rows)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
