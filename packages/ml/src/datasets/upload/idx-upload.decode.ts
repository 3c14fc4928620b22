import type { ImageDataset } from '../dataset.types';
import { IDX_MAGIC_UBYTE_1D, IDX_MAGIC_UBYTE_3D, parseIdxUbyte } from '../idx.reader';
import { gunzipIfGzipped } from './gzip.maybe';
import { classNamesFor, type TDecodedUpload } from './upload.types';
import { UploadError } from './upload.error';

export interface TIdxFiles {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

/** IDX images are [n, h, w] (gray) or [n, h, w, c]; labels [n]. */
function split(images: Uint8Array, labels: Uint8Array, which: 'train' | 'test'): Omit<ImageDataset, 'classNames'> {
  const parse = (bytes: Uint8Array, magic: number, name: string) => {
    try {
      return parseIdxUbyte(bytes, magic, name);
    } catch (e) {
      throw new UploadError(e instanceof Error ? e.message.replace(/\.$/, '') : String(e));
    }
  };
  const imagesName = `${which}Images`;
  const imageBytes = gunzipIfGzipped(images, imagesName);
  // The magic's last byte is the rank: 3 (gray, as MNIST) or 4 (with a channel axis).
  const img = parse(imageBytes, imageBytes[3] === 4 ? IDX_MAGIC_UBYTE_3D + 1 : IDX_MAGIC_UBYTE_3D, imagesName);
  const lab = parse(gunzipIfGzipped(labels, `${which}Labels`), IDX_MAGIC_UBYTE_1D, `${which}Labels`);
  if (img.dims.length !== 3 && img.dims.length !== 4)
    throw new UploadError(
      `${imagesName}: images must be [count, height, width] or [count, height, width, channels]; got [${img.dims.join(', ')}]`,
    );
  const [count, height, width, channels = 1] = img.dims as [number, number, number, number?];
  if (lab.dims[0] !== count)
    throw new UploadError(`${which}: ${lab.dims[0]} labels but ${count} images (${which}Labels and ${imagesName} must match one to one)`);
  if (count === 0) throw new UploadError(`${imagesName}: no images`);
  return { images: img.data, labels: lab.data, count, height, width, channels };
}

/**
 * An upload in the MNIST family's format: four IDX files (gzip or raw) for the train and test
 * images and labels. Both splits must have one image size; labels are class indices 0…k−1
 * (names from `classNames`, else the indices).
 */
export function decodeIdxUpload(files: TIdxFiles, classNames?: readonly string[]): TDecodedUpload {
  const train = split(files.trainImages, files.trainLabels, 'train');
  const test = split(files.testImages, files.testLabels, 'test');
  const shape = (s: typeof train) => `${s.height}×${s.width}×${s.channels}`;
  if (shape(train) !== shape(test)) throw new UploadError(`train images are ${shape(train)} but test images are ${shape(test)}`);
  const names = classNamesFor([train.labels, test.labels], classNames);
  return { train: { ...train, classNames: names }, test: { ...test, classNames: names } };
}
