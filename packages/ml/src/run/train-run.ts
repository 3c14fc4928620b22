import type { TRunConfig } from '@tensorscope/shared';
import { loadCifar10, loadCifar10Split } from '../datasets/cifar10.loader';
import type { CifarVariant, DatasetSplit, ImageDataset } from '../datasets/dataset.types';
import { selectProbe } from '../inspect/probe.select';
import { buildModel } from '../models/lenet5.model';
import { createOptimizer } from '../models/optimizer.factory';
import { takeFirst } from '../training/dataset-subset.util';
import { train } from '../training/train';
import type { TrainCallbacks, TrainData, TrainResult } from '../training/train.types';

export interface TrainRunEnv {
  /** Where decoded datasets are cached on disk. */
  cacheDir: string;
}

const VARIANT_DATA: Record<TRunConfig['variant'], CifarVariant> = { 'cifar-gray28': 'gray28', 'cifar-rgb32': 'rgb32' };

/** Decoded datasets stay in memory for the worker's life: the next run of a variant starts at once. */
const loaded = new Map<CifarVariant, Promise<DatasetSplit>>();

function dataset(variant: CifarVariant, env: TrainRunEnv): Promise<DatasetSplit> {
  let split = loaded.get(variant);
  if (!split) {
    split = loadCifar10({ variant, cacheDir: env.cacheDir });
    // A failed load (e.g. a checksum mismatch) must not stick: the next run tries again.
    split.catch(() => loaded.delete(variant));
    loaded.set(variant, split);
  }
  return split;
}

/** The whole CIFAR-10 split a run's variant uses (kept in memory for the process's life). */
export function runDataset(config: Pick<TRunConfig, 'variant'>, env: TrainRunEnv): Promise<DatasetSplit> {
  return dataset(VARIANT_DATA[config.variant], env);
}

const loadedTest = new Map<CifarVariant, Promise<ImageDataset>>();

/**
 * Only the test images of a run's variant: what inspection (feature maps) needs. Reuses a full
 * split this process already holds; otherwise reads and verifies just the test batch, not the
 * 50,000 training images.
 */
export function runTestSet(config: Pick<TRunConfig, 'variant'>, env: TrainRunEnv): Promise<ImageDataset> {
  const variant = VARIANT_DATA[config.variant];
  const full = loaded.get(variant);
  if (full) return full.then((split) => split.test);
  let test = loadedTest.get(variant);
  if (!test) {
    test = loadCifar10Split({ variant, cacheDir: env.cacheDir, split: 'test' });
    test.catch(() => loadedTest.delete(variant));
    loadedTest.set(variant, test);
  }
  return test;
}

/** The images a run trains and evaluates on: the first trainSubset / evalSubset of each split. */
export async function loadRunData(config: TRunConfig, env: TrainRunEnv): Promise<TrainData> {
  const split = await dataset(VARIANT_DATA[config.variant], env);
  return { train: takeFirst(split.train, config.trainSubset), test: takeFirst(split.test, config.evalSubset) };
}

/**
 * The run's probe set: probeImages test images picked by a shuffle, seeded by the run
 * seed, of the whole test split (not the evalSubset, so the probe does not change
 * with it). undefined when probeImages is 0.
 */
export async function loadRunProbe(config: TRunConfig, env: TrainRunEnv): Promise<ImageDataset | undefined> {
  const split = await dataset(VARIANT_DATA[config.variant], env);
  return selectProbe(split.test, config.probeImages, config.seed);
}

/** One run, from its config to its result: data, model, optimizer, loop; frees every tensor it made. */
export async function trainRun(config: TRunConfig, env: TrainRunEnv, callbacks: TrainCallbacks): Promise<TrainResult> {
  const data = await loadRunData(config, env);
  const probe = await loadRunProbe(config, env);
  const model = buildModel(config);
  const optimizer = createOptimizer(config);
  try {
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
        ...(probe !== undefined ? { probe } : {}),
      },
      callbacks,
    );
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}
