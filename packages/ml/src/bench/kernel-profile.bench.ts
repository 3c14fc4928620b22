import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/backend.select';
import { computeChannelStats } from '../core/channel-stats.compute';
import { buildModel, type TModelConfig } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { loadRunImages, type TRunImages } from '../run/run-images.select';
import { BatchBuilder } from '../training/batch.build';
import { createTrainStep } from '../training/train-step';
import { dataCacheDir } from './data-cache.dir';
import { profileKernels } from './kernel.profile';

/**
 * Where a wasm train step spends its time, per kernel (self CPU time, ms per step), for the
 * models the speed goals name: LeNet-5 CIFAR-RGB at batch 64 and LSTM-256 at batch 128.
 *
 *   tsc -b && node dist/bench/kernel-profile.bench.js
 *   PROFILE_MODELS=lstm-1024,gru-1024 PROFILE_STEPS=2 node dist/bench/kernel-profile.bench.js
 */

interface Case {
  label: string;
  config: TModelConfig;
  images: TRunImages;
  batch: number;
}

const CASES: readonly Case[] = [
  { label: 'lenet5-cifar-rgb32', config: { model: 'lenet5', variant: 'cifar-rgb32', seed: 1 }, images: 'cifar10-rgb32', batch: 64 },
  { label: 'lstm-256', config: { model: 'lstm', hiddenSize: 256, layers: 1, dropout: 0, seed: 1 }, images: 'mnist', batch: 128 },
  { label: 'lstm-1024', config: { model: 'lstm', hiddenSize: 1024, layers: 1, dropout: 0, seed: 1 }, images: 'mnist', batch: 128 },
  { label: 'gru-256', config: { model: 'gru', hiddenSize: 256, layers: 1, dropout: 0, seed: 1 }, images: 'mnist', batch: 128 },
  { label: 'gru-1024', config: { model: 'gru', hiddenSize: 1024, layers: 1, dropout: 0, seed: 1 }, images: 'mnist', batch: 128 },
];

async function main(): Promise<void> {
  await initBackend('wasm');
  const wanted = (process.env['PROFILE_MODELS'] ?? 'lenet5-cifar-rgb32,lstm-256').split(',');
  const steps = Number(process.env['PROFILE_STEPS']) || 5;
  for (const c of CASES.filter((k) => wanted.includes(k.label))) {
    const train = (await loadRunImages(c.images, dataCacheDir())).train;
    const model = buildModel(c.config);
    const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
    const step = createTrainStep(model, optimizer);
    const batches = new BatchBuilder(train, computeChannelStats(train), 10);
    const one = async (i: number) => {
      const { x, y } = batches.build(i * c.batch, (i + 1) * c.batch);
      try {
        await step(x, y);
      } finally {
        tf.dispose([x, y]);
      }
    };
    for (let i = 0; i < 2; i++) await one(i);
    const profiler = profileKernels('wasm', process.env['PROFILE_SHAPES'] === '1');
    const start = process.cpuUsage();
    for (let i = 0; i < steps; i++) await one(i + 2);
    const used = process.cpuUsage(start);
    const stepMs = (used.user + used.system) / 1000 / steps;
    profiler.restore();
    const rows = profiler.report();
    const inKernels = rows.reduce((s, r) => s + r.selfMs, 0) / steps;
    console.log(
      `\n${c.label} batch ${c.batch}: ${stepMs.toFixed(1)} CPU ms/step (profiled), ${inKernels.toFixed(1)} ms in kernels, ${(stepMs - inKernels).toFixed(1)} ms outside`,
    );
    console.log('kernel                      calls/step  cpu ms/step   share');
    for (const r of rows) {
      const ms = r.selfMs / steps;
      if (ms < 0.5) continue;
      console.log(
        `${r.kernel.padEnd(28)}${(r.calls / steps).toFixed(0).padStart(10)}${ms.toFixed(1).padStart(13)}${((100 * ms) / stepMs).toFixed(1).padStart(7)} %`,
      );
    }
    optimizer.dispose();
    model.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
