import type { TLenet5Config, TRecurrentConfig } from '@tensorscope/shared';
import { loadCifar10, loadCifar10Split } from '../datasets/cifar10.loader';
import type { DatasetSplit, ImageDataset } from '../datasets/dataset.types';
import { loadMnist, loadMnistSplit } from '../datasets/mnist.loader';

/** What choosing a run's images reads from its config; every TRunConfig is one. */
export type TRunDataChoice = Pick<TLenet5Config, 'model' | 'variant'> | Pick<TRecurrentConfig, 'model'>;

/**
 * The images a run trains on, as decoded (one in-memory cache entry each): CIFAR-10 in one of
 * its two forms, or MNIST (28×28×1), which LeNet-5's mnist variant and every recurrent model
 * share. Agrees with shared's datasetOf (cifar10 ↔ the two cifar forms).
 */
export type TRunImages = 'cifar10-gray28' | 'cifar10-rgb32' | 'mnist';

export function runImagesOf(config: TRunDataChoice): TRunImages {
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

/** Both splits, checksummed; CIFAR-10 goes through its disk cache in cacheDir, MNIST is read straight from its IDX files. */
export function loadRunImages(images: TRunImages, cacheDir: string): Promise<DatasetSplit> {
  switch (images) {
    case 'cifar10-gray28':
      return loadCifar10({ variant: 'gray28', cacheDir });
    case 'cifar10-rgb32':
      return loadCifar10({ variant: 'rgb32', cacheDir });
    case 'mnist':
      return loadMnist({ cacheDir });
  }
}

/** Only the test split (what inspection needs). */
export function loadRunTestImages(images: TRunImages, cacheDir: string): Promise<ImageDataset> {
  switch (images) {
    case 'cifar10-gray28':
      return loadCifar10Split({ variant: 'gray28', cacheDir, split: 'test' });
    case 'cifar10-rgb32':
      return loadCifar10Split({ variant: 'rgb32', cacheDir, split: 'test' });
    case 'mnist':
      return loadMnistSplit({ cacheDir, split: 'test' });
  }
}
