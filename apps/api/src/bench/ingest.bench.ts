import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TTaggedScalar } from '@tensorscope/shared';
import type { TBenchRow } from './bench.row';
import { summarize } from './latency.stats';
import { cpuSeconds } from './process.cpu';
import type { TWorkerSide } from './worker-side.context';

const run = promisify(execFile);
/** Tags a LeNet run logs per statistics step (weights, gradients, activations × stats). */
const TAGS = Array.from({ length: 120 }, (_, k) => `weights/layer${k % 12}/kernel/stat${Math.floor(k / 12)}`);

/**
 * Writes `runs` runs' points through their ScalarWriters (store + rollups + final metrics +
 * NOTIFY: the worker's real path) until `stop` resolves, at most `targetPerSecond` points a
 * second in total (Infinity: as fast as the database takes them). Answers points stored per
 * second, counted in Postgres.
 */
async function ingest(
  worker: TWorkerSide,
  runs: number,
  stop: Promise<unknown>,
  targetPerSecond: number,
): Promise<{ perSecond: number; points: number; seconds: number }> {
  const ids = await Promise.all(Array.from({ length: runs }, (_, i) => worker.newRun(`bench-ingest-${Date.now()}-${i}`)));
  let stopped = false;
  void stop.finally(() => (stopped = true));
  try {
    const started = performance.now();
    const perRunPerMs = targetPerSecond / runs / 1000;
    await Promise.all(
      ids.map(async (id) => {
        const writer = worker.writer(id);
        let step = 0;
        let sent = 0;
        while (!stopped) {
          // One statistics step: every tag once, plus the loss.
          const wallTime = Date.now();
          step++;
          const batch: TTaggedScalar[] = TAGS.map((tag, k) => ({ tag, step, wallTime, value: Math.sin(step + k) }));
          batch.push({ tag: 'train/loss', step, wallTime, value: 1 / step });
          await writer.add(batch);
          sent += batch.length;
          const wait = started + sent / perRunPerMs - performance.now();
          // Yield to the event loop either way, so the writer's background flush can start.
          await new Promise((r) => (wait > 0 ? setTimeout(r, wait) : setImmediate(r)));
        }
        await writer.flush();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const points = await worker.storedPoints(ids);
    return { perSecond: points / seconds, points, seconds };
  } finally {
    for (const id of ids) await worker.drop(id);
  }
}

/** Training step times of the course LeNet in a process of its own (train-steps.main.ts). */
async function trainSteps(steps: number): Promise<{ backend: string; ms: number[] }> {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'train-steps.main.js'), String(steps)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { backend: string; ms: number[] };
}

const RATE_GOAL = 50_000;

/** CPU seconds so far of Postgres (with its backends), the API, and this process (the writers). */
type TCpu = { postgres: number; api: number; writer: number };

/**
 * Ingestion as fast as it goes (4 runs, as 4 workers), then the course LeNet's step time alone
 * and while 50,000 points/s are written (back to back, so the machine's state is the same).
 */
export async function benchIngestion(
  worker: TWorkerSide,
  seconds: number,
  trainStepCount: number,
  /** Where the CPU goes: Postgres (postmaster and backends) and the API (it receives every NOTIFY). */
  pids: { postgres: number; api: number },
): Promise<TBenchRow[]> {
  const rows: TBenchRow[] = [];
  const cpu = async (): Promise<TCpu> => ({
    postgres: await cpuSeconds(pids.postgres, true),
    api: await cpuSeconds(pids.api),
    writer: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  /** CPU milliseconds per 1,000 points between two readings, by place. */
  const perThousand = (from: TCpu, to: TCpu, points: number) => (k: keyof TCpu) => ((to[k] - from[k]) * 1e6) / points;
  const before = await cpu();
  const flat = await ingest(worker, 4, new Promise((r) => setTimeout(r, seconds * 1000)), Infinity);
  const perK = perThousand(before, await cpu(), flat.points);
  rows.push({
    name: 'metric ingestion, 4 runs (real write path)',
    value: flat.perSecond,
    unit: 'pts/s',
    goal: { min: RATE_GOAL },
    note: `${flat.points} points in ${flat.seconds.toFixed(1)} s: store + rollups + final metrics + NOTIFY`,
  });
  // What a point costs, whatever the machine's load: 50,000 points/s need this × 50 CPU-seconds a second.
  rows.push({
    name: 'CPU per 1,000 points ingested',
    value: perK('postgres') + perK('api') + perK('writer'),
    unit: 'ms',
    note: `Postgres ${perK('postgres').toFixed(1)} ms, API (NOTIFY relay) ${perK('api').toFixed(1)} ms, writer ${perK('writer').toFixed(1)} ms`,
  });
  if (trainStepCount > 0) {
    // Back to back, same machine state: steps alone, then steps while points go in at each rate
    // (the goal's 50,000/s, and a tenth of it: where a 2-core machine's spare core still copes).
    const alone = await trainSteps(trainStepCount);
    const a = summarize(alone.ms).p50;
    rows.push({
      name: 'LeNet RGB step, batch 64 (median)',
      value: a,
      unit: 'ms',
      note: `${alone.backend}, ${alone.ms.length} steps, no ingestion`,
    });
    for (const rate of [RATE_GOAL, RATE_GOAL / 10]) {
      const training = trainSteps(trainStepCount);
      const from = await cpu();
      const during = await ingest(worker, 4, training, rate);
      const cost = perThousand(from, await cpu(), during.points);
      const b = summarize((await training).ms).p50;
      rows.push({
        name: `LeNet step slowdown, ${rate} pts/s offered`,
        value: ((b - a) / a) * 100,
        unit: '%',
        ...(rate === RATE_GOAL ? { goal: { max: 5 } } : {}),
        note: `median ${b.toFixed(0)} ms while ${during.perSecond.toFixed(0)} pts/s went in at ${(cost('postgres') + cost('api') + cost('writer')).toFixed(0)} ms CPU per 1,000`,
      });
    }
  }
  return rows;
}
