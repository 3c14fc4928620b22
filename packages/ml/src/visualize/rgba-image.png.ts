import { PNG } from 'pngjs';
import { checkZoom } from '../inspect/tile-grid.layout';
import { InspectInputError } from '../inspect/inspect-input.error';

/** An 8-bit RGBA image in memory, row-major: pixel (x, y) at 4·(y·width + x). */
export interface TRgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function blankRgba(width: number, height: number, [r, g, b]: readonly [number, number, number] = [0, 0, 0]): TRgbaImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new Error(`image size must be positive integers, got ${width}×${height}`);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let o = 0; o < data.length; o += 4) {
    data[o] = r;
    data[o + 1] = g;
    data[o + 2] = b;
    data[o + 3] = 255;
  }
  return { width, height, data };
}

/** Beyond this a visualisation PNG is a mistake (LeNet inputs are 28–32 px; even 32× zoom stays far below). */
const MAX_PNG_PIXELS = 4_000_000;

/**
 * PNG bytes of an RGBA image, each pixel drawn as a zoom × zoom block (28-pixel images
 * are too small to look at unscaled; nearest-neighbour keeps pixels honest). Written as
 * RGB (colour type 2) when every pixel is opaque, RGBA (6) otherwise.
 */
export function rgbaToPng(image: TRgbaImage, zoom = 1): Buffer {
  checkZoom(zoom);
  const width = image.width * zoom;
  const height = image.height * zoom;
  if (width * height > MAX_PNG_PIXELS) throw new InspectInputError(`zoom ${zoom} makes a ${width}×${height} image; use a smaller zoom`);
  const png = new PNG({ width, height });
  let opaque = true;
  for (let y = 0; y < height; y++) {
    const sy = Math.floor(y / zoom);
    for (let x = 0; x < width; x++) {
      const s = (sy * image.width + Math.floor(x / zoom)) * 4;
      const o = (y * width + x) * 4;
      png.data[o] = image.data[s] as number;
      png.data[o + 1] = image.data[s + 1] as number;
      png.data[o + 2] = image.data[s + 2] as number;
      png.data[o + 3] = image.data[s + 3] as number;
      if (image.data[s + 3] !== 255) opaque = false;
    }
  }
  return PNG.sync.write(png, { colorType: opaque ? 2 : 6 });
}
