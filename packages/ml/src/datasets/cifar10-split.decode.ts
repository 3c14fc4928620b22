import { readPinnedFile } from './checksum.verify';
import { parseClassLabelsJson } from './class-labels.parse';
import { CIFAR10_CLASS_NAMES, CIFAR10_IMAGES_PER_BATCH, CIFAR10_REMEDY, CIFAR10_SIDE, type Cifar10SplitFiles } from './cifar10.files';
import type { ImageDataset } from './dataset.types';
import { decodeRgb8PngInto } from './rgb8-png.decode';

/**
 * Decodes one CIFAR-10 split (train or test) from the package's PNG sprites
 * into 32×32×3 NHWC bytes. Each sprite row is one image: 1024 pixels in
 * row-major order, RGB interleaved, which is already NHWC, so a row copies
 * straight into the output.
 *
 * Every file is checked against its pinned SHA-256 right before it is used,
 * and sprites are decoded one at a time into a single preallocated buffer so
 * the peak is the final array plus one decoded sprite.
 */
export async function decodeCifar10Split(
  sourceDir: string,
  files: Cifar10SplitFiles,
  onDecoded?: (fileName: string) => void,
): Promise<ImageDataset> {
  const count = files.batches.length * CIFAR10_IMAGES_PER_BATCH;
  const imageBytes = CIFAR10_SIDE * CIFAR10_SIDE * 3;

  const labelJson = await readPinnedFile(sourceDir, files.labels, CIFAR10_REMEDY);
  const labels = parseClassLabelsJson(labelJson, count, CIFAR10_CLASS_NAMES.length, files.labels.name);

  const images = new Uint8Array(count * imageBytes);
  for (const [index, batch] of files.batches.entries()) {
    // Scoped so the compressed sprite can be collected before the next one is read.
    const png = await readPinnedFile(sourceDir, batch, CIFAR10_REMEDY);
    decodeRgb8PngInto(
      png,
      { width: CIFAR10_SIDE * CIFAR10_SIDE, height: CIFAR10_IMAGES_PER_BATCH },
      images,
      index * CIFAR10_IMAGES_PER_BATCH * imageBytes,
      batch.name,
    );
    onDecoded?.(batch.name);
  }

  return {
    images,
    labels,
    count,
    height: CIFAR10_SIDE,
    width: CIFAR10_SIDE,
    channels: 3,
    classNames: CIFAR10_CLASS_NAMES,
  };
}
