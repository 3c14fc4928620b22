import type { ClientToServerEvents, ServerToClientEvents } from '@tensorscope/shared';
import { io, type Socket } from 'socket.io-client';
import { createProgressRelay } from '../worker/progress-relay';
import { PROGRESS_EVERY_MS } from '../worker/training.worker';
import type { TBenchApi } from './api.process';
import type { TBenchRow } from './bench.row';
import { summarize } from './latency.stats';
import type { TWorkerSide } from './worker-side.context';

/**
 * A metric's way from the worker to a browser: ScalarWriter.add (as the trainer thread's
 * callback calls it) → INSERT + rollups → NOTIFY → the API process's LISTEN → RunGateway →
 * socket.io → a socket.io client here (the dashboard's library, subscribed to the run's room as
 * the run page is). One train/loss point every `everyMs` (a fast model logging every step), with
 * a layer-statistics batch (120 tags) every 10th point, as a LeNet run logs them, and the
 * step's progress through the worker's progress relay (which flushes the points before it).
 */
export async function benchLiveLatency(api: TBenchApi, worker: TWorkerSide, points: number, everyMs: number): Promise<TBenchRow[]> {
  const runId = await worker.newRun(`bench-live-${Date.now()}`);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(api.url, { auth: { token: api.token }, transports: ['websocket'] });
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('run:scalars', ({ points: got }) => {
      const now = performance.now();
      for (const p of got) {
        const t0 = p.tag === 'train/loss' ? sentAt.get(p.step) : undefined;
        if (t0 !== undefined) latencies.push(now - t0);
      }
    });
    socket.emit('run:subscribe', runId);
    await new Promise((r) => setTimeout(r, 500)); // the join is not acknowledged
    const writer = worker.writer(runId);
    const relay = createProgressRelay({
      flushPoints: () => writer.flush(),
      publish: (progress) => worker.bus.publish({ type: 'run.progress', runId, progress }),
      now: () => Date.now(),
      everyMs: PROGRESS_EVERY_MS,
    });
    for (let step = 1; step <= points; step++) {
      const wallTime = Date.now();
      sentAt.set(step, performance.now());
      const batch = [{ tag: 'train/loss', step, wallTime, value: 2 / step }];
      if (step % 10 === 0) {
        for (let k = 0; k < 120; k++)
          batch.push({ tag: `weights/layer${k % 12}/kernel/stat${Math.floor(k / 12)}`, step, wallTime, value: k / step });
      }
      await writer.add(batch);
      await relay({ epoch: 1, epochs: 1, step, totalSteps: points, imagesPerSec: 640, etaSeconds: ((points - step) * everyMs) / 1000 });
      await new Promise((r) => setTimeout(r, everyMs));
    }
    await writer.flush();
    const deadline = Date.now() + 5000;
    while (latencies.length < points && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  } finally {
    socket.close();
    await worker.drop(runId);
  }
  const s = summarize(latencies);
  const lost = points - s.count;
  return [
    {
      name: 'live latency worker → browser p95',
      value: lost > 0 ? Number.NaN : s.p95,
      unit: 'ms',
      goal: { max: 250 },
      note: `${s.count} points, one per ${everyMs} ms; p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms${lost > 0 ? `; ${lost} NEVER ARRIVED` : ''}`,
    },
  ];
}
