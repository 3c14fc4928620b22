import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TApiError, TDataset, TRun, TRunList, TSweep, TVisualization } from '@tensorscope/shared';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authedFetch, cancelLeftoverRuns, http, listen, tokenFor, until, useTestDatabase } from '../../test/api.harness';
import { WorkerModule } from '../worker/worker.module';
import { Client } from 'pg';
import { ZRunConfig } from '@tensorscope/shared';
import { CustomRunResolver } from './custom-run.resolver';
import { DatasetGoneError, RunRepository } from './run.repository';

const FASHION = '/usr/share/datasets/fashion-mnist';

// A custom network on an uploaded dataset, from the upload to its feature maps: API + a real
// worker in this process, real Fashion-MNIST files, real Postgres.
describe('custom networks on uploaded datasets', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let base: string;
  let fashion: TDataset;
  let kerasRunId = '';

  const conv = {
    layers: [
      { type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' },
      { type: 'maxPool2d' },
      { type: 'conv2d', filters: 16, kernelSize: 3, activation: 'relu' },
      { type: 'maxPool2d' },
      { type: 'flatten' },
      { type: 'dense', units: 32, activation: 'relu' },
    ],
  };
  const training = {
    epochs: 2,
    batchSize: 32,
    trainSubset: 640,
    evalSubset: 200,
    evalInterval: 10,
    logInterval: 5,
    statsInterval: 10,
    snapshotsPerEpoch: 1,
    probeImages: 16,
    seed: 5,
  };

  beforeAll(async () => {
    await cancelLeftoverRuns(useTestDatabase({ TENSORSCOPE_BACKEND: 'wasm', HEARTBEAT_SECONDS: '1', LEASE_SECONDS: '5' }));
    const { createApiApp } = await import('../api.factory');
    api = await createApiApp(['error', 'warn']);
    base = await listen(api);
    const form = new FormData();
    form.append('name', 'Fashion-MNIST (custom runs)');
    form.append('format', 'idx');
    form.append('classNames', 'T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot');
    for (const [field, file] of [
      ['trainImages', 'train-images-idx3-ubyte.gz'],
      ['trainLabels', 'train-labels-idx1-ubyte.gz'],
      ['testImages', 't10k-images-idx3-ubyte.gz'],
      ['testLabels', 't10k-labels-idx1-ubyte.gz'],
    ] as const)
      form.append(field, new Blob([readFileSync(`${FASHION}/${file}`)]), file);
    const res = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${await tokenFor(base)}` },
    });
    expect(res.status).toBe(201);
    fashion = (await res.json()) as TDataset;
  });

  afterAll(async () => {
    await api?.close();
  });

  const post = (body: unknown) => http<TRun & TApiError>(base, '/api/runs', { method: 'POST', body });
  const runCount = async () => (await http<TRunList>(base, '/api/runs?pageSize=1&archived=all')).body.total;

  it('refuses what cannot train with the layer at fault, and creates nothing', async () => {
    const before = await runCount();
    const cases: [unknown, string, RegExp][] = [
      [{ layers: [{ type: 'conv2d', filters: 4, kernelSize: 30 }] }, 'network.layers.0', /kernel 30×30 is larger than its 28×28 input/],
      [{ layers: [{ type: 'flatten' }, { type: 'lstm', units: 8 }] }, 'network.layers.1', /put a reshape before it/],
      [
        {
          layers: [
            { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2 },
            { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2 },
            { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2 },
            { type: 'conv2d', filters: 4, kernelSize: 3 },
          ],
        },
        'network.layers.3',
        /larger than its 2×2 input/,
      ],
      [
        { layers: [{ type: 'flatten' }, { type: 'dense', units: 65_536 }, { type: 'dense', units: 4096 }] },
        'network',
        /parameters; at most 50,000,000/,
      ],
      [
        { keras: { class_name: 'Sequential', config: { layers: [{ class_name: 'Conv3D', config: {} }] } } },
        'network.keras.layers.0',
        /Conv3D/,
      ],
    ];
    for (const [network, path, message] of cases) {
      const res = await post({ model: 'custom', dataset: fashion.id, network });
      expect(res.status, JSON.stringify(network)).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]),
      );
    }
    const big = await post({
      model: 'custom',
      dataset: fashion.id,
      batchSize: 4096,
      network: { layers: [{ type: 'conv2d', filters: 512, kernelSize: 3, padding: 'same' }] },
    });
    expect(big.status).toBe(400);
    expect(big.body.details).toEqual([
      { path: 'batchSize', message: expect.stringMatching(/at batchSize 4096 a training step needs about .* GB/) },
    ]);
    const unknown = await post({ model: 'custom', dataset: '0b5f1a2e-1111-4222-8333-944455556666', network: conv });
    expect(unknown.body.details).toEqual([{ path: 'dataset', message: expect.stringMatching(/no dataset 0b5f1a2e/) }]);
    const subset = await post({ model: 'custom', dataset: fashion.id, network: conv, evalSubset: 10_001 });
    expect(subset.status).toBe(400);
    expect(await runCount()).toBe(before);
  });

  it('imports a tf.sequential() topology with the parameter count TF.js gives it', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [28, 28, 1] }),
        tf.layers.dense({ units: 64, activation: 'relu' }),
        tf.layers.dropout({ rate: 0.2 }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const res = await post({ model: 'custom', dataset: fashion.id, network: { keras: model.toJSON(undefined, false) }, ...training });
    expect(res.status).toBe(201);
    const run = (await http<TRun>(base, `/api/runs/${res.body.id}`)).body;
    expect(run.network?.paramCount).toBe(model.countParams());
    expect(run.network?.notes.join(' ')).toMatch(/softmax is left to the loss/);
    expect(run.config.model === 'custom' && 'layers' in run.config.network && run.config.network.layers.map((l) => l.type)).toEqual([
      'flatten',
      'dense',
      'dropout',
      'dense',
    ]);
    // A flat-input MLP (inputShape [784]) reads the same pixels through a reshape.
    const flat = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 16 }), tf.layers.dense({ units: 10 })] });
    const flatRun = await post({ model: 'custom', dataset: fashion.id, network: { keras: flat.toJSON(undefined, false) } });
    expect(flatRun.status).toBe(201);
    expect((await http<TRun>(base, `/api/runs/${flatRun.body.id}`)).body.network?.paramCount).toBe(flat.countParams());
    model.dispose();
    flat.dispose();
    await http(base, `/api/runs/${flatRun.body.id}/cancel`, { method: 'POST' });
    kerasRunId = res.body.id; // trained by the worker the next test starts, before the conv net
  });

  it('trains a small conv net on the upload, shows its resolved network and its feature maps, and keeps the dataset while used', async () => {
    const res = await post({ model: 'custom', dataset: fashion.id, network: conv, ...training });
    expect(res.status).toBe(201);
    const created = res.body;
    expect(created.config.model === 'custom' && created.config.datasetFacts).toMatchObject({
      name: fashion.name,
      inputShape: [28, 28, 1],
      trainSize: 60_000,
      checksum: fashion.checksum,
    });
    expect(created.network?.layers.map((l) => [l.name, l.outputShape, l.params])).toEqual([
      ['conv1', [26, 26, 8], 80],
      ['pool1', [13, 13, 8], 0],
      ['conv2', [11, 11, 16], 1168],
      ['pool2', [5, 5, 16], 0],
      ['flatten1', [400], 0],
      ['fc1', [32], 12_832],
      ['head', [10], 330],
    ]);
    expect(created.network?.paramCount).toBe(80 + 1168 + 12_832 + 330);
    expect(created.name).toBe('fashion-mnist-custom-run-c8-p-c16-p-f-d32-adam-bs32-ep2-train640');

    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    await worker.init();
    const done = await until('completion', async () => {
      const run = (await http<TRun>(base, `/api/runs/${created.id}`)).body;
      if (run.status === 'failed') throw new Error(`run failed: ${run.error}`);
      return run.status === 'completed' ? run : undefined;
    });
    // 40 steps of 32 images: well above chance (0.1) on Fashion-MNIST; the imported MLP trained first.
    expect(done.finalMetrics?.['test/accuracy']).toBeGreaterThan(0.5);
    const keras = (await http<TRun>(base, `/api/runs/${kerasRunId}`)).body;
    expect([keras.status, keras.finalMetrics?.['test/accuracy']]).toEqual(['completed', expect.any(Number)]);
    expect(keras.finalMetrics!['test/accuracy']!).toBeGreaterThan(0.5);

    const maps = await authedFetch(`${base}/api/runs/${created.id}/snapshots/40/activations/conv2.png?image=3&zoom=1`);
    expect(maps.status).toBe(200);
    const png = PNG.sync.read(Buffer.from(await maps.arrayBuffer()));
    expect(png.width).toBeGreaterThan(11);
    const filters = await authedFetch(`${base}/api/runs/${created.id}/snapshots/40/filters/conv1.png?zoom=4`);
    expect(filters.status).toBe(200);

    // Top-9 with deconvnet projections through the custom conv/relu/pool stack; hidden states need a recurrent layer.
    const top9 = await http<TVisualization>(base, `/api/runs/${created.id}/visualizations`, {
      method: 'POST',
      body: { kind: 'top9', layer: 'conv2', subset: 50 },
    });
    expect(top9.status).toBe(202);
    const top9Done = await until('top-9', async () => {
      const v = (await http<TVisualization>(base, `/api/visualizations/${top9.body.id}`)).body;
      if (v.status === 'failed') throw new Error(`top-9 failed: ${v.error}`);
      return v.status === 'completed' ? v : undefined;
    });
    expect(top9Done.result?.kind === 'top9' && top9Done.result.featureMaps).toHaveLength(16);
    const states = await http<TApiError>(base, `/api/runs/${created.id}/visualizations`, {
      method: 'POST',
      body: { kind: 'hidden-states', image: 0 },
    });
    expect(states.status).toBe(400);
    expect(states.body.details).toEqual([{ path: 'kind', message: expect.stringMatching(/has no recurrent layer/) }]);
    // Image indices are bounded by the run's own test split (an upload may have more than 10,000).
    const beyond = await http<TApiError>(base, `/api/runs/${created.id}/visualizations`, {
      method: 'POST',
      body: { kind: 'image', layer: 'conv1', image: 10_000 },
    });
    expect(beyond.body.details).toEqual([
      { path: 'image', message: "image must be an index from 0 to 9999 (the run's test split has 10000 images)" },
    ]);

    const del = await http<TApiError>(base, `/api/datasets/${fashion.id}`, { method: 'DELETE' });
    expect(del.status).toBe(409);
    expect(del.body.message).toMatch(/is used by \d+ runs?/);
    // No worker from here on: the sweep's runs are only created (and cancelled), not trained.
    await worker.close();
  });

  it('sweeps a layer field by path into one run per value', async () => {
    const res = await http<{ sweep: TSweep; runs: TRun[] }>(base, '/api/sweeps', {
      method: 'POST',
      body: {
        name: 'width',
        base: { model: 'custom', dataset: fashion.id, network: conv, ...training },
        axes: [{ field: 'network.layers.0.filters', values: [4, 12] }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.runs.map((r) => r.config.model === 'custom' && 'layers' in r.config.network && r.config.network.layers[0])).toEqual([
      expect.objectContaining({ filters: 4 }),
      expect.objectContaining({ filters: 12 }),
    ]);
    for (const run of res.body.runs) await http(base, `/api/runs/${run.id}/cancel`, { method: 'POST' });
    const bad = await http<TApiError>(base, '/api/sweeps', {
      method: 'POST',
      body: {
        name: 'bad',
        base: { model: 'custom', dataset: fashion.id, network: conv },
        axes: [{ field: 'network.layers.0.filters', values: [4, 0] }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'axes.0.values.1', message: expect.stringMatching(/filters must be at least 1/) }]);
  });

  it('a run created while its dataset is being deleted is refused, never left on a deleted dataset', async () => {
    const idx = (dims: number[], data: Uint8Array) => {
      const header = Buffer.alloc(4 + 4 * dims.length);
      header[2] = 0x08;
      header[3] = dims.length;
      dims.forEach((d, k) => header.writeUInt32BE(d, 4 + 4 * k));
      return Buffer.concat([header, Buffer.from(data)]);
    };
    const form = new FormData();
    form.append('name', 'tiny');
    form.append('format', 'idx');
    const files = {
      trainImages: idx([4, 2, 2], new Uint8Array(16)),
      trainLabels: idx([4], new Uint8Array([0, 1, 0, 1])),
      testImages: idx([2, 2, 2], new Uint8Array(8)),
      testLabels: idx([2], new Uint8Array([1, 0])),
    };
    for (const [k, v] of Object.entries(files)) form.append(k, new Blob([v]), k);
    const tiny = (await (
      await fetch(`${base}/api/datasets`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await tokenFor(base)}` } })
    ).json()) as TDataset;
    const config = ZRunConfig.parse({ model: 'custom', dataset: tiny.id, network: { layers: [{ type: 'flatten' }] } });
    const resolved = await api.get(CustomRunResolver).resolve(config);
    // A delete in progress holds the dataset row; the insert waits for it, then finds it gone.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query(`SELECT id FROM "Dataset" WHERE id = $1 FOR UPDATE`, [tiny.id]);
      // Its refusal is awaited from the start: it may come before COMMIT's own answer is read,
      // and a rejection nobody handles yet fails the whole test process.
      const refused = expect(api.get(RunRepository).create(resolved, null)).rejects.toBeInstanceOf(DatasetGoneError);
      await new Promise((r) => setTimeout(r, 300));
      await db.query(`DELETE FROM "Dataset" WHERE id = $1`, [tiny.id]);
      await db.query('COMMIT');
      await refused;
    } finally {
      await db.end();
    }
    const check = new Client({ connectionString: process.env.DATABASE_URL });
    await check.connect();
    const { rows } = await check.query(`SELECT id FROM "Run" WHERE config->>'dataset' = $1`, [tiny.id]);
    await check.end();
    expect(rows).toEqual([]);
  });
});
