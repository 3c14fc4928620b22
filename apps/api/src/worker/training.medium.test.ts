import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  SUMMARY_TAGS,
  ZLayerProbe,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type TCompareResult,
  type TLayerProbe,
  type TRun,
  type TRunLogs,
  type TTaggedScalar,
} from '@tensorscope/shared';
import * as tf from '@tensorflow/tfjs';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authedFetch, cancelLeftoverRuns, http, listen, tokenFor, until, useTestDatabase } from '../../test/api.harness';
import { LeaseReaper } from '../runs/lease.reaper';
import { PrismaService } from '../prisma/prisma.service';
import { RunRepository } from '../runs/run.repository';
import { TrainingWorker } from './training.worker';
import { WorkerModule } from './worker.module';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// API + a real worker (in this process) + a real socket.io client, on real CIFAR-10 and Postgres.
describe('training worker, end to end', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let base: string;
  let socket: Client;
  const tag = `train-${randomUUID().slice(0, 8)}`;
  const small = {
    model: 'lenet5',
    variant: 'cifar-gray28',
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 32,
    epochs: 1,
    trainSubset: 256,
    evalSubset: 200,
    evalInterval: 4,
    logInterval: 2,
    seed: 3,
    statsInterval: 4,
    snapshotsPerEpoch: 2,
    probeImages: 32,
    histogramBins: 12,
  };
  let completedId = '';
  const updates: TRun[] = [];
  const streamed: TTaggedScalar[] = [];

  beforeAll(async () => {
    await cancelLeftoverRuns(useTestDatabase({ TENSORSCOPE_BACKEND: 'wasm', HEARTBEAT_SECONDS: '1', LEASE_SECONDS: '5' }));
    const { createApiApp } = await import('../api.factory');
    api = await createApiApp(['error', 'warn']);
    base = await listen(api);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    await worker.init();
    socket = io(base, { transports: ['websocket'], auth: { token: await tokenFor(base) } });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });
    socket.on('run:updated', ({ run }) => updates.push(run));
    socket.on('run:scalars', ({ points }) => streamed.push(...points));
    socket.emit('runs:subscribe');
  });

  afterAll(async () => {
    socket?.disconnect();
    await worker?.close();
    await api?.close();
  });

  const get = async (id: string) => (await http<TRun>(base, `/api/runs/${id}`)).body;

  it('trains on wasm, streams progress and scalars live, and keeps them in Postgres', async () => {
    const created = await http<TRun>(base, '/api/runs', { body: { ...small, name: `${tag}-small` } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    socket.emit('run:subscribe', id);

    const done = await until('completion', async () => {
      const r = await get(id);
      return ['completed', 'failed'].includes(r.status) ? r : undefined;
    });
    expect(done.error).toBeNull();
    expect(done.status).toBe('completed');
    expect(done.backend).toBe('wasm');
    expect(done.progress).toMatchObject({ step: 8, totalSteps: 8, epoch: 1, epochs: 1 });
    expect(done.durationSeconds).toBeGreaterThan(0);
    // The four metrics plus the worker's own numbers (sampled at the first progress report at least).
    expect(Object.keys(done.finalMetrics ?? {})).toEqual(
      expect.arrayContaining(['test/accuracy', 'test/loss', 'train/accuracy', 'train/loss', 'system/rss_mb', 'system/images_per_sec']),
    );
    expect(Object.keys(done.finalMetrics ?? {}).every((tag) => SUMMARY_TAGS.includes(tag))).toBe(true);
    const byThroughput = await http<{ items: { id: string }[] }>(
      base,
      `/api/runs?filter=${encodeURIComponent('system/images_per_sec > 0')}`,
    );
    expect(byThroughput.body.items.map((r) => r.id)).toContain(id);

    const series = async (t: string) =>
      (await http<{ points: { step: number; value: number; wallTime: number }[] }>(base, `/api/runs/${id}/scalars?tag=${t}`)).body.points;
    const trainLoss = await series('train/loss');
    expect(trainLoss.map((p) => p.step)).toEqual([2, 4, 6, 8]);
    expect(trainLoss.every((p) => Number.isFinite(p.value) && p.value > 0)).toBe(true);
    const testAcc = await series('test/accuracy');
    expect(testAcc.map((p) => p.step)).toEqual([4, 8]);
    expect(testAcc.every((p) => p.value >= 0 && p.value <= 1)).toBe(true);
    // The run's own log: what the worker said about it, oldest first, readable after a line id.
    const logs = (await http<TRunLogs>(base, `/api/runs/${id}/logs`)).body.lines;
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^training on wasm \(worker /),
        // The trainer thread's own lines: where its data came from and what it built.
        expect.stringMatching(/^data: cifar10-gray28, 256 train \+ 200 test images \(28×28×1\), ready in /),
        expect.stringMatching(/^model: [\d,]+ parameters in \d+ layers$/),
        'completed after 8 steps',
      ]),
    );
    expect(logs.every((l) => l.level === 'info')).toBe(true);
    expect((await http<TRunLogs>(base, `/api/runs/${id}/logs?afterId=${logs[0]!.id}`)).body.lines).toHaveLength(logs.length - 1);
    expect((await http(base, `/api/runs/${randomUUID()}/logs`)).status).toBe(404);
    // The worker's own numbers: sampled at the first progress report, then every few seconds.
    const rss = await series('system/rss_mb');
    expect(rss.length).toBeGreaterThan(0);
    expect(rss.every((p) => p.value > 10 && p.value < 65_536)).toBe(true);
    expect((await series('system/images_per_sec')).every((p) => p.value > 0)).toBe(true);
    const smooth = (await http<{ points: { step: number; value: number }[] }>(base, `/api/runs/${id}/scalars?tag=train/loss&smoothing=0.6`))
      .body.points;
    expect(smooth.map((p) => p.step)).toEqual(trainLoss.map((p) => p.step));
    expect(smooth[0]!.value).toBeCloseTo(trainLoss[0]!.value, 9); // the debiased EMA starts at the first value
    expect(smooth[3]!.value).not.toBeCloseTo(trainLoss[3]!.value, 9);
    const csv = await authedFetch(`${base}/api/runs/${id}/scalars/export?tag=train/loss&format=csv`);
    expect(csv.headers.get('content-disposition')).toContain(`${tag}-small-train_loss.csv`);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('Wall time,Step,Value'); // TensorBoard's exact header
    const snake = await authedFetch(`${base}/api/runs/${id}/scalars/export?tag=train/loss&format=csv&header=snake`);
    expect((await snake.text()).split('\n')[0]).toBe('wall_time,step,value');
    expect(lines.slice(1).map((l) => Number(l.split(',')[1]))).toEqual([2, 4, 6, 8]);
    const bulk = (
      await http<{ series: { runId: string; tag: string; points: [number, number, number][] }[] }>(
        base,
        `/api/export?runs=${id}&tags=train/loss,test/accuracy&format=json&smoothing=0.6`,
      )
    ).body.series;
    expect(bulk.map((s) => [s.tag, s.points.length])).toEqual([
      ['train/loss', 4],
      ['test/accuracy', 2],
    ]);
    expect(bulk[0]!.points[3]![2]).toBeCloseTo(smooth[3]!.value, 12);
    expect((await http(base, `/api/export?runs=${randomUUID()}&tags=train/loss`)).status).toBe(404);
    expect((await http(base, `/api/export?runs=nope&tags=train/loss`)).status).toBe(400);
    const after = await http<{ points: { step: number }[] }>(base, `/api/runs/${id}/scalars?tag=train/loss&afterStep=4`);
    expect(after.body.points.map((p) => p.step)).toEqual([6, 8]);

    // What the socket delivered is exactly what REST stores.
    await until('socket catch-up', () => (updates.some((u) => u.id === id && u.status === 'completed') ? true : undefined), 10_000);
    const mine = streamed.filter((p) => trainLoss.some((q) => q.step === p.step));
    expect(mine.length).toBeGreaterThan(0);
    for (const p of streamed.filter((s) => s.tag === 'train/loss' && trainLoss.some((q) => q.step === s.step))) {
      // Values are float32 losses; the Postgres round trip may drop the 17th significant digit.
      expect(trainLoss.find((q) => q.step === p.step)?.value).toBeCloseTo(p.value, 12);
    }
    const statuses = updates.filter((u) => u.id === id).map((u) => u.status);
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('completed');
    completedId = id;
  });

  it('exposes layer statistics, histograms, snapshots and filter images of that run', async () => {
    expect(completedId).not.toBe('');
    const id = completedId;
    const tags = (await http<{ scalars: string[]; histograms: string[] }>(base, `/api/runs/${id}/tags`)).body;
    for (const layer of ['conv1', 'conv2', 'fc1', 'fc2']) {
      for (const param of ['kernel', 'bias']) {
        for (const stat of ['min', 'max', 'mean', 'std', 'variance']) {
          expect(tags.scalars).toContain(`weights/${layer}/${param}/${stat}`);
          expect(tags.scalars).toContain(`gradients/${layer}/${param}/${stat}`);
        }
        expect(tags.histograms).toContain(`weights/${layer}/${param}`);
      }
    }
    expect(tags.scalars).toContain('activations/conv1/zeros');
    expect(tags.histograms).toContain('activations/fc1');

    const std = (await http<{ points: { step: number; value: number }[] }>(base, `/api/runs/${id}/scalars?tag=weights/conv1/kernel/std`))
      .body.points;
    expect(std.map((p) => p.step)).toEqual([4, 8]);
    const variance = (
      await http<{ points: { step: number; value: number }[] }>(base, `/api/runs/${id}/scalars?tag=weights/conv1/kernel/variance`)
    ).body.points;
    expect(variance[0]!.value).toBeCloseTo(std[0]!.value ** 2, 6);

    const hist = (
      await http<{ points: { step: number; edges: number[]; counts: number[]; percentiles: number[]; min: number; max: number }[] }>(
        base,
        `/api/runs/${id}/histograms?tag=weights/conv1/kernel`,
      )
    ).body.points;
    expect(hist.map((h) => h.step)).toEqual([4, 8]);
    const h = hist[1]!;
    expect(h.edges).toHaveLength(13);
    expect(h.counts).toHaveLength(12);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(5 * 5 * 1 * 32);
    expect(h.percentiles).toHaveLength(9);
    expect(h.percentiles[0]).toBeCloseTo(h.min, 6);
    expect(h.percentiles[8]).toBeCloseTo(h.max, 6);

    const snaps = (
      await http<{ snapshots: { step: number; bytes: number; tensors: { layer: string; param: string; shape: number[] }[] }[] }>(
        base,
        `/api/runs/${id}/snapshots`,
      )
    ).body.snapshots;
    expect(snaps.map((s) => s.step)).toEqual([4, 8]);
    // gray28 LeNet: 3,274,634 float32 parameters.
    expect(snaps[1]!.bytes).toBe(3_274_634 * 4);
    expect(snaps[1]!.tensors).toContainEqual({ layer: 'conv1', param: 'kernel', shape: [5, 5, 1, 32] });

    const png = await authedFetch(`${base}/api/runs/${id}/snapshots/8/filters/conv1.png?scale=shared&zoom=4`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(0); // IHDR width
    const conv2 = await authedFetch(`${base}/api/runs/${id}/snapshots/4/filters/conv2.png?zoom=2`);
    expect(conv2.status).toBe(200);
    const conv2Bytes = Buffer.from(await conv2.arrayBuffer());
    // 32 input-channel columns × 64 filter rows of 10×10 tiles with 1-pixel separators.
    expect([conv2Bytes.readUInt32BE(16), conv2Bytes.readUInt32BE(20)]).toEqual([32 * 10 + 31, 64 * 10 + 63]);
    // One output filter: its 32 input channels as a 6×6 grid of 20×20 tiles.
    const filter5 = await authedFetch(`${base}/api/runs/${id}/snapshots/4/filters/conv2.png?zoom=4&filter=5`);
    expect(filter5.status).toBe(200);
    const filter5Bytes = Buffer.from(await filter5.arrayBuffer());
    expect([filter5Bytes.readUInt32BE(16), filter5Bytes.readUInt32BE(20)]).toEqual([6 * 20 + 5, 6 * 20 + 5]);

    // The snapshot loads into TF.js through its own layers-model format and predicts.
    const modelJson = (
      await http<{ modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] }>(
        base,
        `/api/runs/${id}/snapshots/8/model.json`,
      )
    ).body;
    expect(modelJson.weightsManifest[0]!.weights.map((w) => w.name)).toContain('conv1/kernel');
    const weightData = await (await authedFetch(`${base}/api/runs/${id}/snapshots/8/weights.bin`)).arrayBuffer();
    expect(weightData.byteLength).toBe(3_274_634 * 4);
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightsManifest[0]!.weights, weightData }),
    );
    const conv1 = model.getLayer('conv1').getWeights()[0]!;
    expect(conv1.shape).toEqual([5, 5, 1, 32]);
    const stored = (await http<{ points: { step: number; value: number }[] }>(base, `/api/runs/${id}/scalars?tag=weights/conv1/kernel/max`))
      .body.points;
    expect(conv1.max().dataSync()[0]).toBeCloseTo(stored.find((p) => p.step === 8)!.value, 5);
    const logits = model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor;
    expect(logits.shape).toEqual([2, 10]);
    model.dispose();

    // One test image through the step-8 snapshot: conv1 gives 32 maps of 28×28 (6×6 grid).
    const maps = await authedFetch(`${base}/api/runs/${id}/snapshots/8/activations/conv1.png?image=7&zoom=1`);
    expect(maps.status).toBe(200);
    const mapBytes = Buffer.from(await maps.arrayBuffer());
    expect([mapBytes.readUInt32BE(16), mapBytes.readUInt32BE(20)]).toEqual([6 * 28 + 5, 6 * 28 + 5]);
    const dense = await authedFetch(`${base}/api/runs/${id}/snapshots/8/activations/fc2.png?image=7&zoom=2`);
    expect(dense.status).toBe(200);
    const denseBytes = Buffer.from(await dense.arrayBuffer());
    // Dense layers: one strip, one pixel (× zoom) per unit.
    expect([denseBytes.readUInt32BE(16), denseBytes.readUInt32BE(20)]).toEqual([10 * 2, 2]);
    // Beside the picture: the input image, its label and, for fc2, the ten values a bar chart labels.
    const probe = (await http<TLayerProbe>(base, `/api/runs/${id}/snapshots/8/activations/fc2/probe?image=7`)).body;
    expect(ZLayerProbe.parse(probe)).toMatchObject({ image: 7, shape: [10] });
    expect(probe.values).toHaveLength(10);
    expect(probe.input.startsWith('data:image/png;base64,')).toBe(true);

    const errors: [string, number][] = [
      [`/api/runs/${id}/snapshots/8/activations/conv9.png`, 400],
      [`/api/runs/${id}/snapshots/8/activations/conv1.png?image=10000`, 400],
      [`/api/runs/${id}/snapshots/8/activations/conv1.png?zoom=32`, 400],
      [`/api/runs/${id}/snapshots/9/activations/conv1.png`, 404],
      [`/api/runs/${id}/snapshots/8/filters/fc1.png`, 400],
      [`/api/runs/${id}/snapshots/7/model.json`, 404],
      [`/api/runs/${id}/snapshots/x/weights.bin`, 400],
      [`/api/runs/${id}/snapshots/7/filters/conv1.png`, 404],
      [`/api/runs/${id}/snapshots/8/filters/conv1.jpg`, 404],
      [`/api/runs/${id}/snapshots/8/filters/conv1.png?zoom=99`, 400],
      [`/api/runs/${id}/snapshots/8/filters/conv2.png?zoom=32`, 400],
      [`/api/runs/${id}/snapshots/8/filters/conv2.png?filter=64`, 400],
      [`/api/runs/${id}/histograms?tag=..%2Fetc`, 400],
      [`/api/runs/${randomUUID()}/tags`, 404],
    ];
    for (const [path, status] of errors) {
      const res = await http<{ code: string }>(base, path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(typeof res.body.code).toBe('string');
    }
  });

  it('trains a sweep of an LSTM and a GRU on MNIST rows and compares them', async () => {
    const sweep = await http<{ sweep: { id: string }; runs: TRun[] }>(base, '/api/sweeps', {
      body: {
        name: `${tag}-rnn`,
        base: {
          hiddenSize: 16,
          batchSize: 32,
          trainSubset: 128,
          evalSubset: 100,
          evalInterval: 2,
          logInterval: 1,
          statsInterval: 2,
          snapshotsPerEpoch: 1,
          probeImages: 16,
          seed: 4,
        },
        axes: [{ field: 'model', values: ['lstm', 'gru'] }],
      },
    });
    expect(sweep.status).toBe(201);
    const ids = sweep.body.runs.map((r) => r.id);
    const done = await Promise.all(
      ids.map((id) =>
        until(`sweep run ${id}`, async () => {
          const r = await get(id);
          return ['completed', 'failed'].includes(r.status) ? r : undefined;
        }),
      ),
    );
    for (const r of done) {
      expect(r.error).toBeNull();
      expect(r.status).toBe('completed');
      expect(r.sweepId).toBe(sweep.body.sweep.id);
      expect(r.progress).toMatchObject({ step: 4, totalSteps: 4 });
      // Best test accuracy is the highest logged one, with its step.
      const acc = (await http<{ points: { step: number; value: number }[] }>(base, `/api/runs/${r.id}/scalars?tag=test/accuracy`)).body
        .points;
      const best = acc.reduce((a, b) => (b.value > a.value ? b : a));
      expect(r.bestMetrics?.['test/accuracy']).toEqual({ value: best.value, step: best.step });
    }
    const [lstm, gru] = done as [TRun, TRun];
    const tags = (await http<{ scalars: string[]; histograms: string[] }>(base, `/api/runs/${lstm.id}/tags`)).body;
    expect(tags.scalars).toContain('weights/lstm1/recurrent_kernel/std');
    expect(tags.scalars).toContain('gradients/lstm1/kernel/std');
    expect(tags.histograms).toContain('activations/lstm1');
    const snaps = (
      await http<{ snapshots: { step: number; tensors: { layer: string; param: string; shape: number[] }[] }[] }>(
        base,
        `/api/runs/${lstm.id}/snapshots`,
      )
    ).body.snapshots;
    // LSTM: kernel 28×4h, recurrent kernel h×4h.
    expect(snaps.at(-1)!.tensors).toContainEqual({ layer: 'lstm1', param: 'recurrent_kernel', shape: [16, 64] });
    const gruSnaps = (
      await http<{ snapshots: { step: number; tensors: { layer: string; param: string }[] }[] }>(base, `/api/runs/${gru.id}/snapshots`)
    ).body.snapshots;
    expect(gruSnaps.at(-1)!.tensors.map((t) => t.layer)).toContain('gru1');
    // No conv layer to draw filters of: a clear 400, not a crash.
    const filters = await http<{ code: string; message: string }>(base, `/api/runs/${lstm.id}/snapshots/4/filters/lstm1.png`);
    expect(filters.status).toBe(400);

    const compared = (await http<TCompareResult>(base, `/api/compare?runs=${ids.join(',')}&tags=train/loss,test/accuracy&smoothing=0.6`))
      .body;
    expect(compared.series.map((s) => [s.runId, s.tag, s.steps.length, s.smoothedOn])).toEqual([
      [lstm.id, 'train/loss', 4, 'full'],
      [lstm.id, 'test/accuracy', 2, 'full'],
      [gru.id, 'train/loss', 4, 'full'],
      [gru.id, 'test/accuracy', 2, 'full'],
    ]);
  });

  it('cancel stops a running run at the next step and keeps what was logged', async () => {
    const created = await http<TRun>(base, '/api/runs', {
      body: { ...small, name: `${tag}-cancel`, trainSubset: 20_000, logInterval: 1, evalInterval: 1000 },
    });
    const id = created.body.id;
    await until('first points', async () => {
      const pts = (await http<{ points: unknown[] }>(base, `/api/runs/${id}/scalars?tag=train/loss`)).body.points;
      return pts.length >= 2 ? pts : undefined;
    });
    const res = await http<TRun>(base, `/api/runs/${id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    const ended = await until(
      'cancelled',
      async () => {
        const r = await get(id);
        return r.status === 'running' ? undefined : r;
      },
      30_000,
    );
    expect(ended.status).toBe('cancelled');
    expect(ended.progress!.step).toBeLessThan(ended.progress!.totalSteps);
    const kept = (await http<{ points: unknown[] }>(base, `/api/runs/${id}/scalars?tag=train/loss`)).body.points;
    expect(kept.length).toBeGreaterThanOrEqual(2);
  });

  it('a run whose worker stopped heartbeating is queued again and resumed by a live worker', async () => {
    const runs = worker.get(RunRepository);
    const row = await runs.create({ ...(small as never), name: `${tag}-ghost`, backend: 'auto', logInterval: 2 } as never);
    const longAgo = new Date(Date.now() - 60_000);
    expect(await runs.claim(row.id, 'ghost-worker', longAgo)).toBe(true);
    // The API's and worker's own reapers may get there first; either way the run must be requeued.
    await worker.get(LeaseReaper).sweep();
    const done = await until('resumed and completed', async () => {
      const r = await get(row.id);
      return ['completed', 'failed'].includes(r.status) ? r : undefined;
    });
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(2);
    expect(done.interruption).toMatch(/ghost-worker.*heartbeat.*resume from the start \(no checkpoint yet\).*attempt 2 of 5/);
    expect(await runs.claim(row.id, 'late-worker', new Date())).toBe(false);
  });

  it('a run that lost its worker after using all its attempts ends failed with a reason', async () => {
    const runs = worker.get(RunRepository);
    const row = await runs.create({ ...(small as never), name: `${tag}-ghost-out`, backend: 'auto' } as never);
    await worker.get(PrismaService).client.run.update({ where: { id: row.id }, data: { attempts: 4 } });
    expect(await runs.claim(row.id, 'ghost-worker', new Date(Date.now() - 60_000))).toBe(true);
    await worker.get(LeaseReaper).sweep();
    const r = await get(row.id);
    expect(r.status).toBe('failed');
    expect(r.attempts).toBe(5);
    expect(r.error).toMatch(/ghost-worker.*heartbeat.*all 5 attempts/);
  });

  it('a run that lost its worker after its owner asked to cancel it ends cancelled, not resumed', async () => {
    const runs = worker.get(RunRepository);
    const row = await runs.create({ ...(small as never), name: `${tag}-ghost-cancel`, backend: 'auto' } as never);
    expect(await runs.claim(row.id, 'ghost-worker', new Date(Date.now() - 60_000))).toBe(true);
    expect(await runs.requestCancel(row.id)).toBe(true);
    await worker.get(LeaseReaper).sweep();
    const r = await get(row.id);
    expect(r.status).toBe('cancelled');
    expect(r.interruption).toMatch(/ghost-worker.*asked to cancel/);
  });

  it('a worker shutting down mid-run checkpoints it and queues it again; the next worker resumes it exactly', async () => {
    const created = await http<TRun>(base, '/api/runs', {
      body: {
        ...small,
        name: `${tag}-shutdown`,
        trainSubset: 1600,
        logInterval: 1,
        evalInterval: 1000,
        statsInterval: 1000,
        snapshotsPerEpoch: 0,
      },
    });
    const id = created.body.id;
    await until('a few steps', async () => {
      const pts = (await http<{ points: unknown[] }>(base, `/api/runs/${id}/scalars?tag=train/loss`)).body.points;
      return pts.length >= 3 ? true : undefined;
    });
    await worker.get(TrainingWorker).shutdown();
    const suspended = await get(id);
    expect(suspended.status).toBe('queued');
    expect(suspended.interruption).toMatch(/shut down at step \d+; queued to resume/);
    const at = suspended.checkpointStep!;
    expect(at).toBeGreaterThanOrEqual(3);
    const before = (
      await http<{ points: Array<{ step: number; wallTime: number; value: number }> }>(base, `/api/runs/${id}/scalars?tag=train/loss`)
    ).body.points;
    expect(before.map((p) => p.step)).toEqual(Array.from({ length: at }, (_, i) => i + 1));

    await worker.close();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    await worker.init();
    const done = await until('resumed and completed', async () => {
      const r = await get(id);
      return ['completed', 'failed'].includes(r.status) ? r : undefined;
    });
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(2);
    const after = (await http<{ points: Array<{ step: number; wallTime: number }> }>(base, `/api/runs/${id}/scalars?tag=train/loss`)).body
      .points;
    // Every step once, the ones from before the shutdown unchanged (same wall times).
    expect(after.map((p) => p.step)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(after.slice(0, at)).toEqual(before);
  });
});
