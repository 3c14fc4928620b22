import type { ImageDataset } from '../dataset.types';
import { UploadError } from './upload.error';

/** A decoded upload: both splits as the built-in datasets are held (8-bit NHWC bytes). */
export interface TDecodedUpload {
  train: ImageDataset;
  test: ImageDataset;
}

/** Most classes a dataset may have (labels are bytes). */
export const UPLOAD_CLASSES_MAX = 256;

/**
 * Class names for labels 0…k−1, k = the highest label seen + 1: the given names (exactly k), or
 * the indices as text.
 */
export function classNamesFor(labelSets: readonly Uint8Array[], given?: readonly string[]): string[] {
  let top = -1;
  for (const labels of labelSets) for (const l of labels) if (l > top) top = l;
  const k = top + 1;
  if (k < 2) throw new UploadError(`the labels name only ${k} class; a classifier needs at least 2`);
  if (given === undefined || given.length === 0) return Array.from({ length: k }, (_, i) => String(i));
  if (given.length !== k)
    throw new UploadError(`classNames lists ${given.length} names but the labels run from 0 to ${k - 1} (${k} classes)`);
  return [...given];
}
