import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

/**
 * Colour of the separators between tiles: a light blue, not a gray, so it can never be
 * mistaken for a weight or an activation in a gray tile. Empty grid cells are transparent
 * instead (see clearRect): filled with this colour they read as a solid blue block.
 */
export const GRID_BACKGROUND: Rgb = [196, 210, 238];

/** An RGB image in memory, written out as an 8-bit RGB PNG (RGBA once something was cleared). */
export class RgbCanvas {
  private readonly png: PNG;
  private transparent = false;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new Error(`image size must be positive integers, got ${width}×${height}`);
    }
    this.png = new PNG({ width, height });
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const data = this.png.data;
    for (let row = y; row < y + h; row++) {
      for (let col = x; col < x + w; col++) {
        const o = (row * this.width + col) * 4;
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = b;
        data[o + 3] = 255;
      }
    }
  }

  /** Makes a rectangle fully transparent: the page shows through (light or dark). */
  clearRect(x: number, y: number, w: number, h: number): void {
    const data = this.png.data;
    for (let row = y; row < y + h; row++) {
      for (let col = x; col < x + w; col++) data.fill(0, (row * this.width + col) * 4, (row * this.width + col) * 4 + 4);
    }
    this.transparent = true;
  }

  /** PNG bytes; colour type 2 (RGB) when every pixel is opaque, 6 (RGBA) when some were cleared. */
  toPng(): Buffer {
    return PNG.sync.write(this.png, { colorType: this.transparent ? 6 : 2 });
  }
}
