import * as tf from '@tensorflow/tfjs';
import { BACKENDS, type TBackendName, type TLenet5Variant } from '@tensorscope/shared';
import { initBackend } from '../backend/backend.select';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { ImageDataset } from '../datasets/dataset.types';
import { buildModel } from '../models/lenet5.model';
import { createOptimizer } from '../models/optimizer.factory';
import { BatchBuilder } from '../training/batch.build';
import { computeChannelStats } from '../training/channel-stats.compute';
import { createTrainStep } from '../training/train-step';
import { dataCacheDir } from './data-cache.dir';

/**
 * Times LeNet-5 training steps (batch 64, Adam) on every backend that initialises
 * here, for both variants, on real CIFAR-10 batches. A step is what the training
 * loop does per step: build the float batch from bytes, forward, backward, update,
 * read the loss. Speed goals live here, never in timed tests.
 *
 *   pnpm --filter @tensorscope/ml bench
 *   BENCH_BACKENDS=wasm BENCH_STEPS=50 pnpm --filter @tensorscope/ml bench
 *   (BENCH_CPU_STEPS sets the cpu backend's timed steps; it takes minutes per step)
 */

const BATCH = 64;
const VARIANTS: readonly TLenet5Variant[] = ['cifar-gray28', 'cifar-rgb32'];
const DATA_VARIANT = { 'cifar-gray28': 'gray28', 'cifar-rgb32': 'rgb32' } as const;

/**
 * Warm-up steps (first-call setup: XNNPACK operators, Adam's slots, JIT) then timed
 * steps. The pure-JS cpu backend is ~300× slower than wasm here (~85 s per gray28
 * step, ~125 s per rgb32 step on this machine), so it gets one of each by default.
 */
function plan(backend: TBackendName): { warmup: number; steps: number } {
  const key = backend === 'cpu' ? 'BENCH_CPU_STEPS' : 'BENCH_STEPS';
  const fromEnv = Number(process.env[key]);
  const steps = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : backend === 'cpu' ? 1 : 20;
  return { warmup: backend === 'cpu' ? 1 : 3, steps };
}

interface Row {
  backend: TBackendName;
  variant: TLenet5Variant;
  steps: number;
  msPerStep: number;
  imagesPerSec: number;
}

async function timeSteps(backend: TBackendName, variant: TLenet5Variant, train: ImageDataset): Promise<Row> {
  const { warmup, steps } = plan(backend);
  const model = buildModel({ variant, seed: 1 });
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
  const step = createTrainStep(model, optimizer);
  const batches = new BatchBuilder(train, computeChannelStats(train), 10);
  let next = 0;
  const oneStep = async () => {
    const { x, y } = batches.build(next, next + BATCH);
    next = (next + BATCH) % (train.count - BATCH);
    try {
      await step(x, y);
    } finally {
      tf.dispose([x, y]);
    }
  };
  for (let i = 0; i < warmup; i++) await oneStep();
  const start = performance.now();
  for (let i = 0; i < steps; i++) await oneStep();
  const msPerStep = (performance.now() - start) / steps;
  optimizer.dispose();
  model.dispose();
  return { backend, variant, steps, msPerStep, imagesPerSec: (BATCH * 1000) / msPerStep };
}

function printTable(rows: Row[]): void {
  const header = ['backend', 'variant', 'steps', 'ms/step', 'images/s'];
  const lines = rows.map((r) => [r.backend, r.variant, String(r.steps), r.msPerStep.toFixed(1), r.imagesPerSec.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const wanted = (process.env['BENCH_BACKENDS'] ?? BACKENDS.join(',')).split(',').map((s) => s.trim());
  const cacheDir = dataCacheDir();
  const data = new Map<TLenet5Variant, ImageDataset>();
  for (const variant of VARIANTS) data.set(variant, (await loadCifar10({ variant: DATA_VARIANT[variant], cacheDir })).train);

  const rows: Row[] = [];
  for (const backend of BACKENDS.filter((b) => wanted.includes(b))) {
    try {
      await initBackend(backend);
    } catch (e) {
      console.log(`skip ${backend}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    for (const variant of VARIANTS) {
      const row = await timeSteps(backend, variant, data.get(variant)!);
      console.log(`${backend} ${variant}: ${row.msPerStep.toFixed(1)} ms/step`);
      rows.push(row);
    }
  }
  console.log(`\nLeNet-5 train step, batch ${BATCH}, Adam, real CIFAR-10 batches (node ${process.version}, ${process.arch})`);
  printTable(rows);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
