import type { TRunConfig } from '@tensorscope/shared';
import type { DatasetSplit, ImageDataset } from '../datasets/dataset.types';
import { selectProbe } from '../inspect/probe.select';
import { buildModel } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { takeFirst } from '../training/dataset-subset.util';
import { memorySource, takeFirstSource, type ImageSource } from '../datasets/image-source';
import { train } from '../training/train';
import { activeBackend } from '../backend/backend.select';
import { wasmMemoryProblem } from './wasm-memory.guard';
import type { TrainCallbacks, TrainData, TrainOptions, TrainResult } from '../training/train.types';
import type { TTrainCheckpoint } from '../training/checkpoint.types';
import { PromiseCache } from './promise.cache';
import type { TTrainThreads } from './train-threads.plan';
import { startTrainThreads } from './train-threads.start';
import {
  loadRunImages,
  loadRunTestImages,
  openRunTrainImagesOnDisk,
  runImagesOf,
  type TRunDataChoice,
  type TRunImages,
} from './run-images.select';

export interface TrainRunEnv {
  /** Where decoded datasets are cached on disk. */
  cacheDir: string;
  /** Threads a run trains on (see planTrainThreads; logged). Absent: one, and nothing logged. */
  trainThreads?: TTrainThreads;
}

/** Decoded datasets stay in memory for the worker's life: the next run on the same images starts at once. */
const loaded = new PromiseCache<TRunImages, DatasetSplit>();
const loadedTest = new PromiseCache<TRunImages, ImageDataset>();
const trainSources = new PromiseCache<TRunImages, ImageSource>();

/** The whole dataset (both splits) a run uses: CIFAR-10 in its variant's form, or MNIST. Kept in memory for the process's life. */
export function runDataset(config: TRunDataChoice, env: TrainRunEnv): Promise<DatasetSplit> {
  const images = runImagesOf(config);
  return loaded.get(images, () => loadRunImages(images, env.cacheDir));
}

/**
 * Only the test images of a run's dataset: what inspection (feature maps) needs. Reuses a full
 * split this process already holds; otherwise reads and verifies just the test split, not the
 * training images.
 */
export function runTestSet(config: TRunDataChoice, env: TrainRunEnv): Promise<ImageDataset> {
  const images = runImagesOf(config);
  const full = loaded.peek(images);
  if (full) return full.then((split) => split.test);
  return loadedTest.get(images, () => loadRunTestImages(images, env.cacheDir));
}

/**
 * The training images of a run's dataset, kept for the process's life. CIFAR-10's and uploads'
 * are read from their verified decoded cache file by index (a step reads one batch), so the
 * worker does not hold them (CIFAR-10 rgb32: 153 MB); MNIST's are read into memory.
 */
export function runTrainImages(config: TRunDataChoice, env: TrainRunEnv): Promise<ImageSource> {
  const images = runImagesOf(config);
  return trainSources.get(
    images,
    async () => (await openRunTrainImagesOnDisk(images, env.cacheDir)) ?? memorySource((await runDataset(config, env)).train),
  );
}

/** The images a run trains and evaluates on: the first trainSubset / evalSubset of each split, or the whole split when unset. */
export async function loadRunData(config: TRunConfig, env: TrainRunEnv): Promise<TrainData> {
  const train = await runTrainImages(config, env);
  const test = await runTestSet(config, env);
  return {
    train: config.trainSubset === undefined ? train : takeFirstSource(train, config.trainSubset),
    test: config.evalSubset === undefined ? test : takeFirst(test, config.evalSubset),
  };
}

/**
 * The run's probe set: probeImages test images picked by a shuffle, seeded by the run
 * seed, of the whole test split (not the evalSubset, so the probe does not change
 * with it). undefined when probeImages is 0.
 */
export async function loadRunProbe(config: TRunConfig, env: TrainRunEnv): Promise<ImageDataset | undefined> {
  return selectProbe(await runTestSet(config, env), config.probeImages, config.seed);
}

/** Where a run continues from, and how often it hands over checkpoints (see TrainOptions). */
export interface TrainRunDurability {
  resume?: TTrainCheckpoint;
  checkpointEveryMs?: number;
}

/** What trainRun says about a run besides its numbers: where its data came from and what it built (the run's log). */
export interface TrainRunCallbacks extends TrainCallbacks {
  onLog?: (message: string) => void;
}

/** One run, from its config to its result: data, model, optimizer, loop; frees every tensor it made. */
export async function trainRun(
  config: TRunConfig,
  env: TrainRunEnv,
  callbacks: TrainRunCallbacks,
  durability: TrainRunDurability = {},
): Promise<TrainResult> {
  const tooBig = wasmMemoryProblem(config, activeBackend());
  if (tooBig) throw new Error(tooBig);
  const images = runImagesOf(config);
  const inMemory = trainSources.peek(images) !== undefined;
  const started = performance.now();
  const data = await loadRunData(config, env);
  const probe = await loadRunProbe(config, env);
  const source = config.model === 'custom' && config.datasetFacts ? `${config.datasetFacts.name} (${images.slice(0, 19)}…)` : images;
  callbacks.onLog?.(describeData(source, data, inMemory, performance.now() - started));
  const model = buildModel(config);
  callbacks.onLog?.(`model: ${model.countParams().toLocaleString('en-US')} parameters in ${model.layers.length} layers`);
  const optimizer = createOptimizer(config);
  let threads: Pick<TrainOptions, 'dataParallel' | 'adaptThreads'> = {};
  try {
    if (env.trainThreads !== undefined) threads = await startTrainThreads(env.trainThreads, model, optimizer, config, callbacks.onLog);
    return await train(
      model,
      data,
      {
        batchSize: config.batchSize,
        epochs: config.epochs,
        evalInterval: config.evalInterval,
        logInterval: config.logInterval,
        seed: config.seed,
        optimizer,
        statsInterval: config.statsInterval,
        histogramBins: config.histogramBins,
        snapshotsPerEpoch: config.snapshotsPerEpoch,
        ...(config.gradClipNorm !== undefined ? { gradClipNorm: config.gradClipNorm } : {}),
        ...(probe !== undefined ? { probe } : {}),
        ...(durability.resume !== undefined ? { resume: durability.resume } : {}),
        ...(durability.checkpointEveryMs !== undefined ? { checkpointEveryMs: durability.checkpointEveryMs } : {}),
        ...threads,
      },
      callbacks,
    );
  } finally {
    // However the run ends (done, stopped, failed): no helper thread outlives it.
    await threads.dataParallel?.dispose();
    model.dispose();
    optimizer.dispose();
  }
}

/** "data: mnist, 60,000 train + 10,000 test images (28×28×1), ready in 1.2 s (read and verified)". */
export function describeData(images: string, data: TrainData, inMemory: boolean, ms: number): string {
  const { train: tr, test } = data;
  const source = inMemory ? 'already loaded' : 'read and verified';
  return (
    `data: ${images}, ${tr.count.toLocaleString('en-US')} train + ${test.count.toLocaleString('en-US')} test images ` +
    `(${tr.height}×${tr.width}×${tr.channels}), ready in ${(ms / 1000).toFixed(1)} s (${source})`
  );
}
