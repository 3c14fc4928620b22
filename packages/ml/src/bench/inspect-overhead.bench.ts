import * as tf from '@tensorflow/tfjs';
import { CIFAR_TRAIN_SIZE, ZLenet5Config, type TLenet5Variant } from '@tensorscope/shared';
import { initBackend } from '../backend/backend.select';
import { loadCifar10 } from '../datasets/cifar10.loader';
import type { DatasetSplit } from '../datasets/dataset.types';
import { LayerInspector } from '../inspect/layer-stats.inspector';
import { selectProbe } from '../inspect/probe.select';
import { snapshotSteps } from '../inspect/snapshot-steps.plan';
import { snapshotBytes } from '../inspect/snapshot.types';
import { buildLenet5 } from '../models/lenet5.model';
import { createOptimizer } from '../models/optimizer.factory';
import { BatchBuilder } from '../training/batch.build';
import { computeChannelStats } from '../core/channel-stats.compute';
import type { GradientHook } from '../core/gradient.hook';
import { createTrainStep } from '../training/train-step';
import { dataCacheDir } from './data-cache.dir';

/**
 * Training-time overhead of looking inside the layers at the default settings, on
 * wasm, both variants, real CIFAR-10. Speed goals live here, never in timed tests.
 *
 *   pnpm --filter @tensorscope/ml exec tsc -b && node packages/ml/dist/bench/inspect-overhead.bench.js
 *   BENCH_ROUNDS=8 BENCH_PLAIN_PER_ROUND=10 node dist/bench/inspect-overhead.bench.js
 *
 * Each round times BENCH_PLAIN_PER_ROUND plain steps, one stats step and one
 * snapshot, interleaved so that machine noise hits all three alike; medians are
 * reported. A stats step is exactly what the train loop does (LayerInspector): a
 * train step whose gradients are summarised between computing and applying them,
 * then weight stats and activation stats on the probe images. The overhead of one
 * epoch of 50,000 images is amortised from those costs:
 *   (statsSteps · (stats − plain) + snapshots · snapshot) / (steps · plain)
 * with the steps, stats steps and snapshot steps the train loop would use.
 */

const TARGET_PERCENT = 5;
const VARIANTS = ['cifar-gray28', 'cifar-rgb32'] as const satisfies readonly TLenet5Variant[];
const DATA_VARIANT = { 'cifar-gray28': 'gray28', 'cifar-rgb32': 'rgb32' } as const;
/** The run-config defaults, taken from the shared schema so the bench follows them. */
const DEFAULTS = ZLenet5Config.parse({ name: 'bench', model: 'lenet5' });

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Row {
  variant: TLenet5Variant;
  plainMs: number;
  statsMs: number;
  gradientMs: number;
  collectMs: number;
  snapshotMs: number;
  snapshotBytes: number;
  steps: number;
  statsSteps: number;
  snapshots: number;
  overheadPercent: number;
}

async function measure(variant: TLenet5Variant, split: DatasetSplit, rounds: number, plainPerRound: number): Promise<Row> {
  const { batchSize, statsInterval, histogramBins, probeImages, snapshotsPerEpoch, seed } = DEFAULTS;
  const model = buildLenet5({ variant, seed });
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
  const stats = computeChannelStats(split.train);
  const batches = new BatchBuilder(split.train, stats, 10);
  const step = createTrainStep(model, optimizer);
  const inspector = new LayerInspector(model, stats, histogramBins, selectProbe(split.test, probeImages, seed));

  let next = 0;
  let globalStep = 0;
  const oneStep = async (hook?: GradientHook) => {
    const { x, y } = batches.build(next, next + batchSize);
    next = (next + batchSize) % (split.train.count - batchSize);
    try {
      await step(x, y, hook);
    } finally {
      tf.dispose([x, y]);
    }
    return ++globalStep;
  };
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };

  // Warm-up: first-call setup (XNNPACK operators, Adam's slots) for every path.
  for (let i = 0; i < 3; i++) await oneStep();
  await oneStep(inspector.gradientHook(globalStep + 1));
  await inspector.collect(globalStep);
  await inspector.snapshot(globalStep);

  const plain: number[] = [];
  const statsStep: number[] = [];
  const gradient: number[] = [];
  const collect: number[] = [];
  const snapshot: number[] = [];
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < plainPerRound; i++) plain.push(await time(() => oneStep()));
    let gradientMs = 0;
    const hook = inspector.gradientHook(globalStep + 1);
    const t0 = performance.now();
    const at = await oneStep(async (grads) => {
      gradientMs += await time(() => hook(grads));
    });
    const t1 = performance.now();
    await inspector.collect(at);
    const t2 = performance.now();
    statsStep.push(t2 - t0);
    gradient.push(gradientMs);
    collect.push(t2 - t1);
    snapshot.push(
      await time(async () => {
        bytes = snapshotBytes((await inspector.snapshot(at)).tensors);
      }),
    );
  }
  optimizer.dispose();
  model.dispose();

  const steps = Math.ceil(CIFAR_TRAIN_SIZE / batchSize);
  let statsSteps = 0;
  for (let s = 1; s <= steps; s++) if (s % statsInterval === 0 || s === steps) statsSteps++;
  const snapshots = snapshotSteps(steps, 1, snapshotsPerEpoch).size;
  const plainMs = median(plain);
  const statsMs = median(statsStep);
  const snapshotMs = median(snapshot);
  const overheadPercent = (100 * (statsSteps * (statsMs - plainMs) + snapshots * snapshotMs)) / (steps * plainMs);
  return {
    variant,
    plainMs,
    statsMs,
    gradientMs: median(gradient),
    collectMs: median(collect),
    snapshotMs,
    snapshotBytes: bytes,
    steps,
    statsSteps,
    snapshots,
    overheadPercent,
  };
}

function printTable(rows: Row[]): void {
  const header = [
    'variant',
    'plain ms',
    'stats-step ms',
    '(grad stats',
    'weights+acts)',
    'snapshot ms',
    'bytes/snapshot',
    'stats steps/epoch',
    'snapshots/epoch',
    'overhead',
  ];
  const lines = rows.map((r) => [
    r.variant,
    r.plainMs.toFixed(1),
    r.statsMs.toFixed(1),
    r.gradientMs.toFixed(1),
    r.collectMs.toFixed(1),
    r.snapshotMs.toFixed(1),
    r.snapshotBytes.toLocaleString('en-US'),
    `${r.statsSteps} of ${r.steps}`,
    String(r.snapshots),
    `${r.overheadPercent.toFixed(2)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const rounds = envInt('BENCH_ROUNDS', 5);
  const plainPerRound = envInt('BENCH_PLAIN_PER_ROUND', 8);
  if ((await initBackend('wasm')) !== 'wasm') throw new Error('wasm backend did not initialise');
  const rows: Row[] = [];
  for (const variant of VARIANTS) {
    const split = await loadCifar10({ variant: DATA_VARIANT[variant], cacheDir: dataCacheDir() });
    const row = await measure(variant, split, rounds, plainPerRound);
    console.log(
      `${variant}: plain ${row.plainMs.toFixed(1)} ms, stats step ${row.statsMs.toFixed(1)} ms, snapshot ${row.snapshotMs.toFixed(1)} ms`,
    );
    rows.push(row);
  }
  const d = DEFAULTS;
  console.log(
    `\nInspection overhead on wasm at the defaults: statsInterval ${d.statsInterval}, histogramBins ${d.histogramBins}, ` +
      `probeImages ${d.probeImages}, snapshotsPerEpoch ${d.snapshotsPerEpoch}; batch ${d.batchSize}, Adam; ` +
      `medians of ${rounds} rounds (node ${process.version}, ${process.arch})`,
  );
  printTable(rows);
  const worst = Math.max(...rows.map((r) => r.overheadPercent));
  console.log(`\ntarget < ${TARGET_PERCENT} % per epoch: ${worst < TARGET_PERCENT ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)} %)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
