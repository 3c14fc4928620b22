import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TApiError, TRun, TVisualization, TVisualizationList } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authedFetch, cancelLeftoverRuns, http, listen, until, useTestDatabase } from '../../test/api.harness';
import { WorkerModule } from '../worker/worker.module';

// API + a real worker on real MNIST and Postgres: a tiny LeNet run, then its visualisations and evaluation views.
describe('Snapshot jobs (Zeiler & Fergus, evaluation views), end to end', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let base: string;
  let runId = '';

  beforeAll(async () => {
    await cancelLeftoverRuns(useTestDatabase({ TENSORSCOPE_BACKEND: 'wasm' }));
    const { createApiApp } = await import('../api.factory');
    api = await createApiApp(['error', 'warn']);
    base = await listen(api);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    await worker.init();
    const run = await http<TRun>(base, '/api/runs', {
      body: {
        name: `viz-${randomUUID().slice(0, 8)}`,
        model: 'lenet5',
        variant: 'mnist',
        batchSize: 32,
        trainSubset: 128,
        evalSubset: 100,
        evalInterval: 4,
        snapshotsPerEpoch: 1,
        probeImages: 16,
        statsInterval: 4,
      },
    });
    runId = run.body.id;
    await until('training', async () => ((await http<TRun>(base, `/api/runs/${runId}`)).body.status === 'completed' ? true : undefined));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** A PNG the API serves, decoded to RGBA as a browser would. */
  const decoded = async (url: string) => {
    const res = await authedFetch(url);
    expect(res.status, url).toBe(200);
    return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  };
  const create = (body: unknown) => http<TVisualization>(base, `/api/runs/${runId}/visualizations`, { body });
  const done = (id: string) =>
    until(`visualization ${id}`, async () => {
      const v = (await http<TVisualization>(base, `/api/visualizations/${id}`)).body;
      return v.status === 'completed' || v.status === 'failed' ? v : undefined;
    });

  it('computes top-9 with projections and patches as a queued job, then answers it from the cache', async () => {
    const queued = await create({ kind: 'top9', layer: 'conv1', subset: 100 });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', step: 4, kind: 'top9' });
    const v = await done(queued.body.id);
    expect(v.error).toBeNull();
    expect(v.status).toBe('completed');
    if (v.result?.kind !== 'top9') throw new Error('expected a top-9 result');
    expect(v.result.featureMaps).toHaveLength(32);
    expect(v.result.imagesSearched).toBe(100);
    const png = await authedFetch(`${base}/api/visualizations/${v.id}/images/deconv-3-0.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString('ascii'),
    ).toBe('PNG');

    // The whole grid in one sprite: a tile cut out at its rect is the single tile's pixels.
    const sprite = v.result.sprite;
    if (!sprite) throw new Error('expected a sprite');
    const sheet = await decoded(`${base}/api/visualizations/${v.id}/images/${sprite.image}.png`);
    expect([sheet.width, sheet.height]).toEqual([sprite.width, sprite.height]);
    for (const [kind, map, rank] of [
      ['deconv', 3, 0],
      ['patch', 3, 0],
      ['deconv', 31, 8],
      ['patch', 17, 4],
    ] as const) {
      const tile = await decoded(`${base}/api/visualizations/${v.id}/images/${kind}-${map}-${rank}.png`);
      const [x0, y0, w, h] = sprite[kind][v.result.featureMaps.findIndex((m) => m.featureMap === map)]![rank]!;
      expect([w, h]).toEqual([tile.width, tile.height]);
      const cut = Buffer.alloc(w * h * 4);
      for (let y = 0; y < h; y++) sheet.data.copy(cut, y * w * 4, ((y0 + y) * sheet.width + x0) * 4, ((y0 + y) * sheet.width + x0 + w) * 4);
      expect(cut.equals(tile.data), `${kind}-${map}-${rank}`).toBe(true);
    }

    // Same snapshot and params: the cached result at once; key order does not matter.
    const again = await create({ subset: 100, layer: 'conv1', kind: 'top9' });
    expect(again.body).toMatchObject({ id: v.id, status: 'completed' });
    // Recompute: the same row, queued again, and done again.
    const recomputed = await create({ kind: 'top9', layer: 'conv1', subset: 100, recompute: true });
    expect(recomputed.body).toMatchObject({ id: v.id, status: 'queued' });
    expect((await done(v.id)).status).toBe('completed');
    const list = await http<TVisualizationList>(base, `/api/runs/${runId}/visualizations`);
    expect(list.body.items.map((i) => i.id)).toContain(v.id);
  });

  it('computes one image’s projection, occlusion and gradient maps', async () => {
    const queued = await create({ kind: 'image', layer: 'conv2', image: 3, occlusionSize: 6, occlusionStride: 4 });
    const v = await done(queued.body.id);
    if (v.result?.kind !== 'image') throw new Error(`expected an image result, got ${v.status}: ${v.error}`);
    expect(v.result.occlusion.trueClassProbability).toHaveLength(49);
    for (const name of v.result.images) {
      expect((await authedFetch(`${base}/api/visualizations/${v.id}/images/${name}.png`)).status, name).toBe(200);
    }
  });

  it('evaluates a snapshot: confusion matrix, per-class metrics and the mistakes with their PNGs', async () => {
    const queued = await create({ kind: 'evaluation', subset: 200 });
    expect(queued.status).toBe(202);
    const v = await done(queued.body.id);
    if (v.result?.kind !== 'evaluation') throw new Error(`expected an evaluation, got ${v.status}: ${v.error}`);
    const { matrix, perClass, misclassified, misclassifiedTotal, imagesEvaluated, accuracy } = v.result;
    expect(imagesEvaluated).toBe(200);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(200);
    const diagonal = matrix.reduce((s, row, c) => s + row[c]!, 0);
    expect(accuracy).toBeCloseTo(diagonal / 200, 10);
    expect(misclassifiedTotal).toBe(200 - diagonal);
    expect(perClass.map((c) => c.support)).toEqual(matrix.map((row) => row.reduce((a, b) => a + b, 0)));
    const wrong = misclassified[0];
    if (wrong) {
      expect(wrong.predicted).not.toBe(wrong.label);
      const png = await authedFetch(`${base}/api/visualizations/${v.id}/images/wrong-0.png`);
      expect(png.status).toBe(200);
    }
    // Cached like any visualisation; the embedding is a job of its own.
    expect((await create({ subset: 200, kind: 'evaluation' })).body).toMatchObject({ id: v.id, status: 'completed' });
    const embedding = await done((await create({ kind: 'embedding', images: 50 })).body.id);
    if (embedding.result?.kind !== 'embedding') throw new Error(`expected an embedding, got ${embedding.status}: ${embedding.error}`);
    expect(embedding.result).toMatchObject({ layer: 'fc1', dimensions: 1024, method: 'pca' });
    expect(embedding.result.x).toHaveLength(50);
  });

  it('evaluates recurrent runs too (their Zeiler & Fergus views stay refused)', async () => {
    const rnn = await http<TRun>(base, '/api/runs', {
      body: {
        name: `eval-gru-${randomUUID().slice(0, 8)}`,
        model: 'gru',
        hiddenSize: 8,
        batchSize: 32,
        trainSubset: 64,
        evalSubset: 50,
        snapshotsPerEpoch: 1,
      },
    });
    await until('gru training', async () =>
      (await http<TRun>(base, `/api/runs/${rnn.body.id}`)).body.status === 'completed' ? true : undefined,
    );
    const queued = await http<TVisualization>(base, `/api/runs/${rnn.body.id}/visualizations`, {
      body: { kind: 'evaluation', subset: 50 },
    });
    expect(queued.status).toBe(202);
    const v = await done(queued.body.id);
    if (v.result?.kind !== 'evaluation') throw new Error(`expected an evaluation, got ${v.status}: ${v.error}`);
    expect(v.result.matrix.flat().reduce((a, b) => a + b, 0)).toBe(50);
    const refused = await http<TApiError>(base, `/api/runs/${rnn.body.id}/visualizations`, { body: { kind: 'top9', layer: 'gru1' } });
    expect(refused.status).toBe(400);
    const states = await done(
      (await http<TVisualization>(base, `/api/runs/${rnn.body.id}/visualizations`, { body: { kind: 'hidden-states', image: 4 } })).body.id,
    );
    if (states.result?.kind !== 'hidden-states') throw new Error(`expected hidden states, got ${states.status}: ${states.error}`);
    expect(states.result.views.map((v) => v.name)).toEqual(['gru1-hidden', 'gru1-update', 'gru1-reset', 'gru1-candidate']);
    expect((await authedFetch(`${base}/api/visualizations/${states.id}/images/gru1-reset.png`)).status).toBe(200);
  });

  it('refuses what a worker could not do, field by field, and answers 404/409 with the error shape', async () => {
    const lstm = await http<TRun>(base, '/api/runs', {
      body: { name: `viz-lstm-${randomUUID().slice(0, 8)}`, model: 'lstm', trainSubset: 64 },
    });
    const cases: [string, unknown, string][] = [
      [runId, { kind: 'top9', layer: 'fc1' }, 'layer'],
      [runId, { kind: 'image', layer: 'conv1', image: 1, featureMap: 32 }, 'featureMap'],
      [runId, { kind: 'top9', layer: 'conv1', step: 12345 }, 'step'],
      [runId, { kind: 'top9', layer: 'conv1', subset: 3 }, 'subset'],
      [runId, { kind: 'embedding', images: 2001 }, 'images'],
      [runId, { kind: 'embedding', method: 'tsne' }, 'method'],
      [runId, { kind: 'evaluation', layer: 'conv1' }, 'layer'],
      [runId, { kind: 'hidden-states', image: 3 }, 'kind'],
      [lstm.body.id, { kind: 'top9', layer: 'lstm1' }, 'kind'],
    ];
    for (const [id, body, path] of cases) {
      const res = await http<TApiError>(base, `/api/runs/${id}/visualizations`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body.details as { path: string }[]).map((d) => d.path)).toContain(path);
    }
    expect((await http(base, `/api/runs/${randomUUID()}/visualizations`, { body: { kind: 'top9', layer: 'conv1' } })).status).toBe(404);
    expect((await http(base, `/api/visualizations/${randomUUID()}`)).status).toBe(404);
    expect((await http(base, `/api/visualizations/${randomUUID()}/images/deconv-0-0.png`)).status).toBe(404);
    const queued = await create({ kind: 'top9', layer: 'conv2', subset: 50 });
    const early = await http<TApiError>(base, `/api/visualizations/${queued.body.id}/images/nope.png`);
    expect([404, 409]).toContain(early.status);
    await done(queued.body.id);
  });
});
