import type { ImageDataset } from '../datasets/dataset.types';
import { InspectInputError } from '../inspect/inspect-input.error';
import { checkImageIndex } from './dataset-image.select';
import { blankRgba, type TRgbaImage } from './rgba-image.png';
import type { TPixelBox } from './visual.types';

/** Image `index` of a dataset as it is stored (bytes, before standardisation): grey or RGB, opaque. */
export function datasetImageRgba(dataset: ImageDataset, index: number): TRgbaImage {
  checkImageIndex(dataset, index);
  const { height, width, channels } = dataset;
  if (channels !== 1 && channels !== 3) throw new InspectInputError(`images with ${channels} channels cannot be drawn`);
  const out = blankRgba(width, height);
  const start = index * height * width * channels;
  for (let p = 0; p < height * width; p++) {
    for (let k = 0; k < 3; k++) out.data[p * 4 + k] = dataset.images[start + p * channels + (channels === 1 ? 0 : k)] as number;
  }
  return out;
}

/** The part of an image inside `box` (a receptive field from deconvProject / topActivations). */
export function cropRgba(image: TRgbaImage, box: TPixelBox): TRgbaImage {
  const { top, left, height, width } = box;
  if (
    ![top, left, height, width].every(Number.isInteger) ||
    top < 0 ||
    left < 0 ||
    height < 1 ||
    width < 1 ||
    top + height > image.height ||
    left + width > image.width
  ) {
    throw new InspectInputError(`box ${width}×${height} at (${left}, ${top}) is not inside the ${image.width}×${image.height} image`);
  }
  const out = blankRgba(width, height);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4;
    out.data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return out;
}

/** The input patch an activation sees: image `index`, cropped to its receptive field `box`. */
export function inputPatch(dataset: ImageDataset, index: number, box: TPixelBox): TRgbaImage {
  return cropRgba(datasetImageRgba(dataset, index), box);
}
