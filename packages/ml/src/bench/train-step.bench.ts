import * as tf from '@tensorflow/tfjs';
import { BACKENDS, benchRowLine, type TBackendName } from '@tensorscope/shared';
import { initBackend } from '../backend/backend.select';
import type { ImageDataset } from '../datasets/dataset.types';
import { buildModel, type TModelConfig } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { loadRunImages, type TRunImages } from '../run/run-images.select';
import { BatchBuilder } from '../training/batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import { createTrainStep } from '../training/train-step';
import { dataCacheDir } from './data-cache.dir';
import { profileKernels } from './kernel.profile';
import { measureMatMulPeak, type TMatMulPeak } from './matmul-peak.measure';
import { measureAllReduceMs } from './data-parallel.estimate';
import { timeDataParallel } from './data-parallel.time';
import { timeStepLoop } from './step.timer';

/**
 * Times training steps (Adam) on every backend that initialises here, on real batches:
 * LeNet-5 on CIFAR-10 (both variants, batch 64), and the MNIST models at batch 128: LeNet-5
 * mnist and LSTM / GRU with one layer of 128, 256 and 1024 units. A step is what the
 * training loop does per step: build the float batch from bytes, forward, backward, update,
 * read the loss. Speed goals live here, never in timed tests.
 *
 *   pnpm --filter @tensorscope/ml bench
 *   BENCH_BACKENDS=wasm BENCH_STEPS=50 BENCH_MODELS=lstm-128,gru-128 pnpm --filter @tensorscope/ml bench
 *   (BENCH_CPU_STEPS sets the cpu backend's timed steps; it takes minutes per LeNet step.
 *    The MNIST models skip cpu unless BENCH_CPU_MNIST=1: an LSTM-1024 step there takes many minutes.)
 *
 * Issue #12's speed goals are the `goal ms` column (wasm rows); beside every row stand the
 * conv + matmul GFLOP a step does (counted from kernel shapes, flop.count.ts) and the share
 * of the machine's measured matmul peak that reaches, on one core and on both.
 *
 * For the goal rows it also times a half-batch step and a gradient all-reduce: what one of
 * two data-parallel worker threads would spend per step (BENCH_DATA_PARALLEL=0 skips it).
 * `cpu ms/step` is this process's CPU time: on a machine shared with other work, wall time
 * also counts waiting for a core.
 *
 * Batch 128 for the recurrent models, as the goals name it (LSTM and GRU now train at 512 too:
 * see run/wasm-memory.guard.ts).
 */

interface Case {
  label: string;
  config: TModelConfig;
  images: TRunImages;
  batch: number;
  /** Issue #12's goal for a wasm step on the 2-core development machine, if it sets one. */
  goalMs?: number;
}

const recurrent = (model: 'lstm' | 'gru', hiddenSize: number): Case => ({
  label: `${model}-${hiddenSize}`,
  config: { model, hiddenSize, layers: 1, dropout: 0, seed: 1 },
  images: 'mnist',
  batch: 128,
});

const GOALS_MS: Readonly<Record<string, number>> = { 'lenet5-cifar-rgb32': 110, 'lstm-256': 200, 'lstm-1024': 2000 };

const CASES: readonly Case[] = (
  [
    { label: 'lenet5-cifar-gray28', config: { model: 'lenet5', variant: 'cifar-gray28', seed: 1 }, images: 'cifar10-gray28', batch: 64 },
    { label: 'lenet5-cifar-rgb32', config: { model: 'lenet5', variant: 'cifar-rgb32', seed: 1 }, images: 'cifar10-rgb32', batch: 64 },
    { label: 'lenet5-mnist', config: { model: 'lenet5', variant: 'mnist', seed: 1 }, images: 'mnist', batch: 128 },
    ...([128, 256, 1024] as const).flatMap((h) => [recurrent('lstm', h), recurrent('gru', h)]),
  ] satisfies Case[]
).map((c) => ({ ...c, goalMs: GOALS_MS[c.label] }));

function envNumber(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/**
 * Warm-up steps (first-call setup: XNNPACK operators, Adam's slots, JIT) then timed steps:
 * BENCH_STEPS (default 20), but no more than fit in BENCH_SECONDS (default 20) once the
 * first timed step has shown how long one takes, and at least 2. The pure-JS cpu backend is
 * ~300× slower than wasm here (~85 s per gray28 step), so it gets one step of each.
 */
function plan(backend: TBackendName): { warmup: number; steps: number; seconds: number } {
  const steps = backend === 'cpu' ? Math.round(envNumber('BENCH_CPU_STEPS') ?? 1) : Math.round(envNumber('BENCH_STEPS') ?? 20);
  return { warmup: backend === 'cpu' ? 1 : 3, steps, seconds: backend === 'cpu' ? Infinity : (envNumber('BENCH_SECONDS') ?? 20) };
}

interface Row {
  backend: TBackendName;
  label: string;
  batch: number;
  params: number;
  steps: number;
  msPerStep: number;
  /** This process's CPU time per step: what a step costs when other processes take turns on the cores. */
  cpuMsPerStep: number;
  imagesPerSec: number;
  goalMs: number | undefined;
  /** Conv + matmul FLOPs of one step, counted on a warm step. */
  flops: number;
}

async function timeSteps(backend: TBackendName, c: Case, train: ImageDataset): Promise<Row> {
  const { warmup, steps, seconds } = plan(backend);
  const model = buildModel(c.config);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
  const step = createTrainStep(model, optimizer);
  const batches = new BatchBuilder(train, computeChannelStats(train), 10);
  let next = 0;
  const oneStep = async () => {
    const { x, y } = batches.build(next, next + c.batch);
    next = (next + c.batch) % (train.count - c.batch);
    try {
      await step(x, y);
    } finally {
      tf.dispose([x, y]);
    }
  };
  for (let i = 0; i < warmup; i++) {
    const t = performance.now();
    await oneStep();
    // A multi-second step dwarfs any first-call setup: one warm-up is enough.
    if (i >= 1 && performance.now() - t > 2000) break;
  }
  // One more untimed step under the kernel wrapper counts the step's FLOPs.
  const counter = profileKernels(backend);
  try {
    await oneStep();
  } finally {
    counter.restore();
  }
  const flops = counter.report().reduce((sum, k) => sum + k.flops, 0);
  const { steps: done, msPerStep, cpuMsPerStep } = await timeStepLoop(oneStep, { steps, seconds });
  const params = model.countParams();
  optimizer.dispose();
  model.dispose();
  const imagesPerSec = (c.batch * 1000) / msPerStep;
  return { backend, label: c.label, batch: c.batch, params, steps: done, msPerStep, cpuMsPerStep, imagesPerSec, goalMs: c.goalMs, flops };
}

function goalCell(r: Row): string {
  if (r.goalMs === undefined || r.backend !== 'wasm') return '-';
  return `${r.goalMs} ${r.msPerStep <= r.goalMs ? 'met' : 'NOT met'}`;
}

function printTable(rows: Row[], peak: TMatMulPeak | null): void {
  const header = [
    'backend',
    'model',
    'batch',
    'params',
    'steps',
    'ms/step',
    'cpu ms/step',
    'goal ms',
    'images/s',
    'GFLOP/step',
    'GFLOP/s (cpu)',
    '% 1-core pk',
    '% 2-core pk',
  ];
  const lines = rows.map((r) => {
    // Per CPU millisecond, as the peak is: comparable on a busy machine too.
    const gflops = r.flops / 1e6 / r.cpuMsPerStep;
    const share = (cores: number) =>
      peak === null || r.backend !== 'wasm' ? '-' : ((100 * gflops) / (cores * peak.gflopsOneCore)).toFixed(0);
    return [
      r.backend,
      r.label,
      String(r.batch),
      r.params.toLocaleString('en-US'),
      String(r.steps),
      r.msPerStep.toFixed(1),
      r.cpuMsPerStep.toFixed(1),
      goalCell(r),
      r.imagesPerSec.toFixed(1),
      (r.flops / 1e9).toFixed(2),
      gflops.toFixed(1),
      share(1),
      share(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const wanted = (process.env['BENCH_BACKENDS'] ?? BACKENDS.join(',')).split(',').map((s) => s.trim());
  const models = process.env['BENCH_MODELS']?.split(',').map((s) => s.trim());
  const cases = CASES.filter((c) => models === undefined || models.includes(c.label));
  const cacheDir = dataCacheDir();
  const data = new Map<TRunImages, ImageDataset>();
  for (const c of cases) if (!data.has(c.images)) data.set(c.images, (await loadRunImages(c.images, cacheDir)).train);

  const rows: Row[] = [];
  const estimates: string[] = [];
  let peak: TMatMulPeak | null = null;
  for (const backend of BACKENDS.filter((b) => wanted.includes(b))) {
    try {
      await initBackend(backend);
    } catch (e) {
      console.log(`skip ${backend}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (backend === 'wasm') {
      peak = measureMatMulPeak();
      console.log(
        `wasm matmul peak (${peak.n}×${peak.n}·${peak.n}×${peak.n} fp32, XNNPACK, best of 5): ${peak.gflopsOneCore.toFixed(1)} GFLOP/s`,
      );
    }
    for (const c of cases) {
      if (backend === 'cpu' && c.images === 'mnist' && process.env['BENCH_CPU_MNIST'] !== '1') {
        console.log(`skip cpu ${c.label} (set BENCH_CPU_MNIST=1 to run it)`);
        continue;
      }
      const row = await timeSteps(backend, c, data.get(c.images)!);
      console.log(`${backend} ${c.label}: ${row.msPerStep.toFixed(1)} ms/step`);
      rows.push(row);
      if (backend === 'wasm' && c.goalMs !== undefined && process.env['BENCH_DATA_PARALLEL'] !== '0') {
        // What one of two workers spends: a half-batch step (CPU time: one core's work) plus one all-reduce.
        const half = await timeSteps(backend, { ...c, label: `${c.label} (half batch)`, batch: c.batch / 2 }, data.get(c.images)!);
        const allReduce = measureAllReduceMs(row.params);
        const est = half.cpuMsPerStep + allReduce;
        estimates.push(
          `${c.label}: estimate: one step on 1 core ${row.cpuMsPerStep.toFixed(0)} ms CPU; 2 workers ≈ half-batch step ${half.cpuMsPerStep.toFixed(0)} ms CPU + all-reduce of ${row.params.toLocaleString('en-US')} gradients ${allReduce.toFixed(1)} ms = ${est.toFixed(0)} ms (goal ${c.goalMs} ms: ${est <= c.goalMs ? 'would be met' : 'would NOT be met'}; ${(row.cpuMsPerStep / est).toFixed(2)}× speed-up)`,
        );
        const dp = await timeDataParallel(c.config, data.get(c.images)!, c.batch, plan(backend));
        estimates.push(
          `${c.label}: measured, 2 threads (createDataParallelStep): ${dp.msPerStep.toFixed(1)} ms/step wall (goal ${c.goalMs} ms: ${dp.msPerStep <= c.goalMs ? 'met' : 'NOT met'}), ${dp.cpuMsPerStep.toFixed(0)} ms CPU over all threads, ${dp.steps} steps; 1 thread: ${row.msPerStep.toFixed(1)} ms/step wall`,
        );
      }
    }
  }
  console.log(`\nTrain step (forward, backward, Adam update), real CIFAR-10 / MNIST batches (node ${process.version}, ${process.arch})`);
  printTable(rows, peak);
  // The goal rows and the peak as BENCH_ROW lines for the report of the whole bench.
  if (peak !== null)
    console.log(
      benchRowLine({
        group: 'training',
        name: 'wasm matmul peak, one core (XNNPACK, 1024³ fp32)',
        value: peak.gflopsOneCore,
        unit: 'GFLOP/s',
      }),
    );
  for (const r of rows.filter((row) => row.backend === 'wasm' && row.goalMs !== undefined)) {
    const share =
      peak === null ? '' : `, ${((100 * r.flops) / 1e9 / (r.cpuMsPerStep / 1000) / peak.gflopsOneCore).toFixed(0)} % of one core's peak`;
    console.log(
      benchRowLine({
        group: 'training',
        name: `${r.label} step (wasm)`,
        value: r.msPerStep,
        unit: 'ms',
        goal: { max: r.goalMs! },
        note: `${r.cpuMsPerStep.toFixed(0)} ms CPU${share}`,
      }),
    );
  }
  if (peak !== null) {
    const one = peak.gflopsOneCore;
    console.log(
      `Machine matmul peak (wasm BatchMatMul = XNNPACK, ${peak.n}³ fp32): ${one.toFixed(1)} GFLOP/s on one core; ${(2 * one).toFixed(1)} GFLOP/s if both cores were used (wasm runs one thread in Node).`,
    );
  }
  if (estimates.length > 0) {
    console.log(
      "\nBoth cores: data-parallel training, this thread + a helper thread (training/data-parallel.step.ts; the trainer's path when TRAIN_THREADS allows). Wall time only shows the gain when the second core is idle:",
    );
    for (const line of estimates) console.log(`  ${line}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
