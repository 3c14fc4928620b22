import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TBenchApi } from './api.process';
import { cpuSeconds } from './process.cpu';
import type { TBenchRow } from './bench.row';
import type { THttpLoadOptions, THttpLoadResult } from './http-load';

const run = promisify(execFile);

/** The pages a dashboard asks for: the default list, and a filtered list sorted by a metric. */
export const LIST_QUERIES = [
  { label: 'GET /api/runs (page 1)', query: 'page=1&pageSize=20' },
  {
    label: 'GET /api/runs filtered+sorted',
    query: `filter=${encodeURIComponent('hiddenSize >= 256 and test/accuracy > 0.5')}&sort=${encodeURIComponent('-test/accuracy')}&pageSize=20`,
  },
] as const;

/**
 * `GET /api/runs` over 200 keep-alive connections, the load coming from a process of its own
 * (http-load.main.ts) over loopback, with the dashboard's session cookie. Twice per query:
 * closed loop (each connection sends as soon as it has its answer: the server's throughput, and
 * by Little's law p99 ≥ connections / throughput, so < 50 ms there takes ≥ 4,000 requests/s),
 * and open loop at `rate` requests/s in all (200 dashboards reloading the list every 2 s at 100).
 */
export async function benchRunList(
  api: TBenchApi,
  connections: number,
  durationMs: number,
  rate: number,
): Promise<{ rows: TBenchRow[]; raw: THttpLoadResult[] }> {
  const rows: TBenchRow[] = [];
  const raw: THttpLoadResult[] = [];
  for (const { label, query } of LIST_QUERIES) {
    for (const mode of [undefined, rate]) {
      const options: THttpLoadOptions = {
        url: `${api.url}/api/runs?${query}`,
        headers: { cookie: api.cookie },
        connections,
        durationMs,
        warmupMs: 3000,
        ...(mode !== undefined ? { rate: mode } : {}),
      };
      const apiCpuBefore = await cpuSeconds(api.pid);
      const { stdout } = await run(process.execPath, [path.join(__dirname, 'http-load.main.js'), JSON.stringify(options)], {
        maxBuffer: 1 << 20,
      });
      const result = JSON.parse(stdout.trim().split('\n').pop()!) as THttpLoadResult;
      // Where the 2 cores went: the API process and the load generator, in cores over the run.
      const apiCores = (await cpuSeconds(api.pid)) - apiCpuBefore;
      const cores = `API ${(apiCores / result.wallSeconds).toFixed(2)} cores, load generator ${(result.cpuSeconds / result.wallSeconds).toFixed(2)}`;
      raw.push(result);
      const how = mode === undefined ? `${connections} conns closed loop` : `${connections} conns at ${mode} req/s`;
      const note = `${result.count} req, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, ${cores}${result.errors ? `, ${result.errors} ERRORS: ${result.firstError}` : ''}`;
      rows.push({
        name: `${label} p99, ${how}`,
        // The p99 of every answer, failures included; any failure keeps the goal from counting as met.
        value: result.p99,
        ...(result.errors ? { errors: result.errors } : {}),
        unit: 'ms',
        goal: { max: 50 },
        note,
      });
    }
  }
  return { rows, raw };
}
