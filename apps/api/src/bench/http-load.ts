import { Agent, request } from 'node:http';
import { summarize, type TLatencySummary } from './latency.stats';

export interface THttpLoadOptions {
  /** Full URL on loopback, e.g. http://127.0.0.1:4300/api/runs?page=1 */
  url: string;
  headers?: Record<string, string>;
  /** Open keep-alive connections, each sending its next request as soon as the last answer is read. */
  connections: number;
  /** Measured time; requests that start during the warm-up before it are not counted. */
  durationMs: number;
  warmupMs: number;
  /**
   * Open loop: this many requests a second over all connections, each on a fixed schedule (see
   * sendTimeOf), latency counted from the scheduled time so a stalled server cannot hide its
   * backlog (no coordinated omission). Unset: closed loop, as fast as the answers come.
   */
  rate?: number;
}

/**
 * When connection `connection` (0-based, of `connections`) sends its `k`-th request in open-loop
 * mode, in ms after the start: the connections take turns, so the requests of all of them are
 * evenly spaced 1000/rate ms apart.
 */
export function sendTimeOf(connection: number, k: number, connections: number, rate: number): number {
  return ((k * connections + connection) * 1000) / rate;
}

export interface THttpLoadResult extends TLatencySummary {
  url: string;
  connections: number;
  rate?: number;
  requestsPerSecond: number;
  /** Answers other than 200 and transport errors; a bench that has any fails its row. */
  errors: number;
  firstError?: string;
  /** This generator's CPU and wall seconds over the whole run (warm-up included): cores = cpu / wall. */
  cpuSeconds: number;
  wallSeconds: number;
}

/**
 * A closed-loop load generator like autocannon's default mode: `connections` sockets (one agent,
 * keep-alive, no queueing beyond them), each looping request → full answer → next request. The
 * latency of a request runs from writing it to the last byte of its answer.
 */
export async function runHttpLoad(options: THttpLoadOptions): Promise<THttpLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;

  const once = (scheduled?: number) =>
    new Promise<void>((resolve) => {
      const t0 = scheduled ?? performance.now();
      const fail = (why: string) => {
        if (t0 >= measureFrom) errors++;
        firstError ??= why;
        resolve();
      };
      const req = request(options.url, { agent, headers: options.headers }, (res) => {
        res.on('data', () => undefined);
        res.on('error', (e) => fail(e.message));
        res.on('end', () => {
          if (res.statusCode !== 200) return fail(`status ${res.statusCode}`);
          if (t0 >= measureFrom) latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on('error', (e) => fail(e.message));
      req.end();
    });

  const rate = options.rate;
  const loop = async (_: unknown, connection: number) => {
    if (rate === undefined) {
      while (performance.now() < end) await once();
      return;
    }
    for (let k = 0; ; k++) {
      const at = start + sendTimeOf(connection, k, options.connections, rate);
      if (at >= end) return;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await once(at);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  agent.destroy();
  const cpu = process.cpuUsage(cpuStart);
  const measuredSeconds = (performance.now() - measureFrom) / 1000;
  return {
    url: options.url,
    connections: options.connections,
    ...(rate !== undefined ? { rate } : {}),
    ...summarize(latencies),
    requestsPerSecond: latencies.length / measuredSeconds,
    errors,
    ...(firstError !== undefined ? { firstError } : {}),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (performance.now() - start) / 1000,
  };
}
