/**
 * Image views (issue 12), measured on the real API app in this process over HTTP on loopback, on a
 * throwaway database (embedded PostgreSQL, or a throwaway database on DATABASE_URL's server):
 *
 * - feature maps (`/snapshots/:step/activations/:layer.png?image=`) of the course LeNet (CIFAR
 *   RGB 32×32, 4.26 M parameters): the first of the process (its render thread started with the
 *   app; the test split and the snapshot load now), a snapshot the render thread has not loaded, a new image of a loaded snapshot,
 *   and the same URL again (cached). Goals: < 1 s cold, < 150 ms warm;
 * - GET /api/runs while feature maps render back to back, against the same list when idle, with
 *   the longest event-loop stall of the API process meanwhile. Goal: not blocked (render threads);
 * - a top-9 grid's images after its job finished, fetched six at a time as a browser does over
 *   HTTP/1.1: every single tile (what the grid did before) against the result JSON + its sprite.
 *   Goal: grid full < 1 s. The download, not the browser's decoding and painting.
 *
 * Snapshots are of untrained (seeded) models: costs depend on shapes, not weight values. Speed
 * goals live here, never in timed tests.
 *
 *   pnpm --filter @tensorscope/api bench
 *   BENCH_TOP9_SUBSET=1000 node dist/bench/image-views.bench.js
 */
import type { INestApplication } from '@nestjs/common';
import type { computeVisualization } from '@tensorscope/ml';
import { benchRowLine, ZRunConfig, type TBenchRow, type TRunConfigInput, type TVisualization } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createApiApp } from '../api.factory';
import { AuthService } from '../auth/auth.service';
import { UserRepository } from '../auth/user.repository';
import { migrateDatabase } from '../db/migrate';
import { ENV, type TEnv } from '../env';
import { createThrowawayDatabase } from '../db/throwaway-database';
import { InspectRepository } from '../inspect/inspect.repository';
import { RunRepository } from '../runs/run.repository';
import { paramsKey } from '../visualize/visualization.mapper';
import { VisualizationRepository } from '../visualize/visualization.repository';
import { identityInputStats, untrainedSnapshot } from './untrained-snapshot';

const COURSE_LENET: TRunConfigInput = { model: 'lenet5', variant: 'cifar-rgb32', trainSubset: 128, evalSubset: 100 };
const TOP9_SUBSET = Number(process.env.BENCH_TOP9_SUBSET ?? 500);
/** Parallel connections per host of a browser over HTTP/1.1. */
const BROWSER_CONNECTIONS = 6;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

async function main(): Promise<void> {
  const db = await createThrowawayDatabase();
  let app: INestApplication | undefined;
  try {
    await migrateDatabase(db.databaseUrl);
    Object.assign(process.env, {
      DATABASE_URL: db.databaseUrl,
      TENSORSCOPE_BACKEND: 'wasm',
      ADMIN_EMAIL: 'bench@tensorscope.local',
      ADMIN_PASSWORD: randomUUID(),
    });
    app = await createApiApp(['error', 'warn']);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const get = await signedIn(app, base);
    const rows: string[] = [];
    // The same numbers as BENCH_ROW lines for the report of the whole bench (scripts/bench-report.mjs).
    const bench: TBenchRow[] = [];
    const mb = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`;
    // The render thread starts with the app: what it costs the API process at idle.
    await new Promise((r) => setTimeout(r, 3000));
    const idleRss = mb();

    // The course LeNet with 4 snapshots, stored as a worker would.
    const runs = app.get(RunRepository);
    const inspect = app.get(InspectRepository);
    const config = ZRunConfig.parse({ name: `bench-images-${randomUUID().slice(0, 8)}`, ...COURSE_LENET });
    const run = await runs.create(config, null);
    await runs.cancelQueued(run.id, new Date()); // no worker here; a finished run, as when its images are looked at
    const snapshot = await untrainedSnapshot(COURSE_LENET, 0);
    for (const step of [100, 200, 300, 400]) {
      const tensors = snapshot.tensors.map((t) => ({ ...t, data: t.data.slice() }));
      await inspect.saveSnapshot(run.id, step, { topology: snapshot.topology, inputStats: identityInputStats(COURSE_LENET) }, tensors);
    }
    const mapUrl = (step: number, layer: string, image: number) =>
      `/api/runs/${run.id}/snapshots/${step}/activations/${layer}.png?image=${image}`;
    const timed = async (path: string) => {
      const t0 = performance.now();
      const res = await get(path);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };

    // Feature maps.
    // As the Layers tab asks: the snapshot list, then the newest snapshot's feature maps.
    const first = (await timed(`/api/runs/${run.id}/snapshots`)) + (await timed(mapUrl(100, 'conv2', 0)));
    const newSnapshot: number[] = [];
    for (const step of [200, 300, 400]) newSnapshot.push(await timed(mapUrl(step, 'conv2', 1)));
    const newImage: number[] = [];
    for (let image = 2; image < 14; image++) newImage.push(await timed(mapUrl(400, image % 2 ? 'conv1' : 'conv2', image)));
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push(await timed(mapUrl(400, 'conv2', 2)));
    const G = 'image views';
    bench.push(
      { group: G, name: 'feature map, cold: first of the API process', value: first, unit: 'ms', goal: { max: 1000 } },
      {
        group: G,
        name: 'feature map, cold: snapshot not loaded yet (median)',
        value: median(newSnapshot),
        unit: 'ms',
        goal: { max: 1000 },
      },
      { group: G, name: 'feature map, new image of a loaded snapshot (median)', value: median(newImage), unit: 'ms', goal: { max: 1000 } },
      { group: G, name: 'feature map, warm: same URL again (median)', value: median(warm), unit: 'ms', goal: { max: 150 } },
    );
    rows.push(
      `feature map, first of the API process (snapshot list + image: test split, snapshot, model): ${ms(first)}  (goal < 1000 ms cold)`,
      `feature map, snapshot not loaded yet, median of ${newSnapshot.length}: ${ms(median(newSnapshot))}  (goal < 1000 ms cold)`,
      `feature map, new image of a loaded snapshot, median of ${newImage.length}: ${ms(median(newImage))}  (goal < 1000 ms cold)`,
      `feature map, same URL again (cached), median of ${warm.length}: ${ms(median(warm))}, p95 ${ms(p95(warm))}  (goal < 150 ms warm)`,
    );

    // GET /api/runs, idle and while feature maps render back to back.
    const idleStall = monitorEventLoopDelay({ resolution: 10 });
    idleStall.enable();
    const listIdle: number[] = [];
    for (let i = 0; i < 30; i++) listIdle.push(await timed('/api/runs'));
    idleStall.disable();
    const stall = monitorEventLoopDelay({ resolution: 10 });
    let rendering = true;
    let renders = 0;
    const renderer = (async () => {
      for (let image = 100; rendering; image++) {
        await timed(mapUrl(100 + 100 * (image % 4), image % 2 ? 'conv1' : 'conv2', image));
        renders += 1;
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    stall.enable();
    const listBusy: number[] = [];
    for (let i = 0; i < 30; i++) listBusy.push(await timed('/api/runs'));
    stall.disable();
    rendering = false;
    await renderer;
    bench.push(
      {
        group: G,
        name: 'GET /api/runs while feature maps render (p95)',
        value: p95(listBusy),
        unit: 'ms',
        note: `idle p95 ${ms(p95(listIdle))}`,
      },
      { group: G, name: 'API event-loop stall while rendering (longest)', value: stall.max / 1e6, unit: 'ms' },
    );
    rows.push(
      `GET /api/runs idle: median ${ms(median(listIdle))}, p95 ${ms(p95(listIdle))}; longest event-loop stall ${ms(idleStall.max / 1e6)}`,
      `GET /api/runs while feature maps render (${renders} rendered meanwhile): median ${ms(median(listBusy))}, p95 ${ms(p95(listBusy))}, max ${ms(Math.max(...listBusy))}; longest event-loop stall ${ms(stall.max / 1e6)}  (goal: not blocked)`,
    );

    // Top-9 grids: a finished job of each conv layer, its tiles fetched as the grid did and as it does now.
    const visualizations = app.get(VisualizationRepository);
    for (const layer of ['conv1', 'conv2']) {
      const params = { kind: 'top9' as const, layer, subset: TOP9_SUBSET };
      const row = await visualizations.queue(run.id, 400, params, paramsKey(params));
      const { result, images } = await top9InThread(config, snapshot, params, join(app.get<TEnv>(ENV).DATA_DIR, 'cache'));
      await visualizations.complete(row.id, result, images);
      const vizPath = `/api/visualizations/${row.id}`;
      const tiles = images.filter((i) => /^(deconv|patch)-/.test(i.name)).map((i) => `${vizPath}/images/${i.name}.png`);
      const t0 = performance.now();
      await fetchAll(tiles, (path) => timed(path));
      const singles = performance.now() - t0;
      const t1 = performance.now();
      const viz = (await (await get(vizPath)).json()) as TVisualization;
      if (viz.result?.kind !== 'top9' || !viz.result.sprite) throw new Error('the top-9 result has no sprite');
      await timed(`${vizPath}/images/${viz.result.sprite.image}.png`);
      const sprite = performance.now() - t1;
      bench.push({
        group: G,
        name: `top-9 grid of ${layer}: result + sprite`,
        value: sprite,
        unit: 'ms',
        goal: { max: 1000 },
        note: `${tiles.length} single PNGs took ${ms(singles)}`,
      });
      rows.push(
        `top-9 grid of ${layer} (${result.kind === 'top9' ? result.featureMaps.length : '?'} maps): ${tiles.length} single PNGs ${ms(singles)} → result JSON + 1 sprite ${ms(sprite)}  (goal: grid full < 1000 ms)`,
      );
    }

    rows.push(`API process resident memory: ${idleRss} at idle (render thread started), ${mb()} after these renders`);
    console.log(`\nImage views: course LeNet (CIFAR RGB 32×32), wasm render thread (node ${process.version}, ${process.arch})`);
    for (const r of rows) console.log(`  ${r}`);
    for (const r of bench) console.log(benchRowLine(r));
  } finally {
    await app?.close();
    await db.cleanup();
  }
}

/** An API token of the first admin, and GET with it. */
async function signedIn(app: INestApplication, base: string): Promise<(path: string) => Promise<Response>> {
  const users = app.get(UserRepository);
  const email = process.env.ADMIN_EMAIL!;
  let admin = await users.findByEmail(email);
  // The first admin is created in the background at start.
  for (let i = 0; !admin && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    admin = await users.findByEmail(email);
  }
  if (!admin) throw new Error('the first admin was not created');
  const { token } = await app
    .get(AuthService)
    .createToken({ user: { id: admin.id, email, role: 'admin' }, via: 'token', credentialId: 'bench' }, 'bench');
  return (path) => fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
}

/** `fetchOne` over every path, `BROWSER_CONNECTIONS` at a time. */
async function fetchAll(paths: readonly string[], fetchOne: (path: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: BROWSER_CONNECTIONS }, async () => {
      while (next < paths.length) await fetchOne(paths[next++]!);
    }),
  );
}

/** The top-9 job as a worker computes it, in a thread (this process's event loop is the API's). */
function top9InThread(
  config: unknown,
  snapshot: Awaited<ReturnType<typeof untrainedSnapshot>>,
  params: object,
  cacheDir: string,
): Promise<Awaited<ReturnType<typeof computeVisualization>>> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const ml = require('@tensorscope/ml');
    (async () => {
      await ml.initBackend('wasm');
      const { config, stored, params, cacheDir } = workerData;
      parentPort.postMessage(await ml.computeVisualization(config, { cacheDir }, stored, params));
    })();`;
  const stored = { ...snapshot, channelStats: identityInputStats(COURSE_LENET) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { config, stored, params, cacheDir } });
    worker.once('message', (m: Awaited<ReturnType<typeof computeVisualization>>) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
