import type { TCustomConfig, TLenet5Config, TRecurrentConfig } from '@tensorscope/shared';
import { loadCifar10, loadCifar10Split, openCifar10TrainOnDisk } from '../datasets/cifar10.loader';
import type { DatasetSplit, ImageDataset } from '../datasets/dataset.types';
import { loadMnist, loadMnistSplit } from '../datasets/mnist.loader';
import { loadUploadedDataset, loadUploadedTestSplit, openUploadedTrainOnDisk, uploadDir } from '../datasets/upload/uploaded-dataset.loader';
import type { ImageSource } from '../datasets/image-source';

/** What choosing a run's images reads from its config; every TRunConfig is one. */
export type TRunDataChoice =
  Pick<TLenet5Config, 'model' | 'variant'> | Pick<TRecurrentConfig, 'model'> | Pick<TCustomConfig, 'model' | 'dataset' | 'datasetFacts'>;

/**
 * The images a run trains on, as decoded (one in-memory cache entry each): CIFAR-10 in one of
 * its two forms, MNIST (28×28×1), which LeNet-5's mnist variant and every recurrent model
 * share, or an upload by its content checksum. Agrees with shared's datasetOf (cifar10 ↔ the two
 * cifar forms; a custom network reads CIFAR-10 as it is, 32×32 RGB).
 */
export type TRunImages = 'cifar10-gray28' | 'cifar10-rgb32' | 'mnist' | `upload:${string}`;

export function runImagesOf(config: TRunDataChoice): TRunImages {
  if (config.model === 'custom') {
    if (config.dataset === 'mnist') return 'mnist';
    if (config.dataset === 'cifar10') return 'cifar10-rgb32';
    if (config.datasetFacts === undefined)
      throw new Error(`dataset ${config.dataset}: the run has no dataset facts (it was not created through the API)`);
    return `upload:${config.datasetFacts.checksum}`;
  }
  if (config.model !== 'lenet5') return 'mnist';
  switch (config.variant) {
    case 'cifar-gray28':
      return 'cifar10-gray28';
    case 'cifar-rgb32':
      return 'cifar10-rgb32';
    case 'mnist':
      return 'mnist';
  }
}

/** Where an upload's files (and their decoded cache) are: `upload:<checksum>` → uploads/<checksum>. */
const uploadDirOf = (images: TRunImages, cacheDir: string): string => uploadDir(cacheDir, images.slice('upload:'.length));

/**
 * Both splits, checksummed; CIFAR-10 goes through its disk cache in cacheDir, MNIST is read
 * straight from its IDX files, an upload from the files the API side copied into cacheDir.
 */
export function loadRunImages(images: TRunImages, cacheDir: string): Promise<DatasetSplit> {
  switch (images) {
    case 'cifar10-gray28':
      return loadCifar10({ variant: 'gray28', cacheDir });
    case 'cifar10-rgb32':
      return loadCifar10({ variant: 'rgb32', cacheDir });
    case 'mnist':
      return loadMnist({ cacheDir });
    default:
      return loadUploadedDataset(uploadDirOf(images, cacheDir));
  }
}

/** Only the test split (what inspection needs). */
export async function loadRunTestImages(images: TRunImages, cacheDir: string): Promise<ImageDataset> {
  switch (images) {
    case 'cifar10-gray28':
      return loadCifar10Split({ variant: 'gray28', cacheDir, split: 'test' });
    case 'cifar10-rgb32':
      return loadCifar10Split({ variant: 'rgb32', cacheDir, split: 'test' });
    case 'mnist':
      return loadMnistSplit({ cacheDir, split: 'test' });
    default:
      // Decoded once into its own cache beside the upload's files (a zip holds both splits).
      return loadUploadedTestSplit(uploadDirOf(images, cacheDir));
  }
}

/**
 * The training images read from a cache file a batch at a time (CIFAR-10's decoded cache, an
 * upload's decoded cache), or undefined where they are read into memory whole (MNIST's 47 MB,
 * read straight from its IDX files). The caller closes a source it gets.
 */
export async function openRunTrainImagesOnDisk(images: TRunImages, cacheDir: string): Promise<ImageSource | undefined> {
  switch (images) {
    case 'cifar10-gray28':
      return openCifar10TrainOnDisk({ variant: 'gray28', cacheDir });
    case 'cifar10-rgb32':
      return openCifar10TrainOnDisk({ variant: 'rgb32', cacheDir });
    case 'mnist':
      return undefined;
    default:
      return openUploadedTrainOnDisk(uploadDirOf(images, cacheDir));
  }
}
