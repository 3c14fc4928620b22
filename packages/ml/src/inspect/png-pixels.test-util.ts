import { PNG } from 'pngjs';

/** Decodes a PNG (as the browser would) and reads pixels as [r, g, b]. For render tests. */
export function decodePng(buffer: Buffer) {
  const png = PNG.sync.read(buffer);
  const pixel = (x: number, y: number): [number, number, number] => {
    if (x < 0 || y < 0 || x >= png.width || y >= png.height) throw new Error(`pixel (${x}, ${y}) is outside ${png.width}×${png.height}`);
    const o = (y * png.width + x) * 4;
    return [png.data[o]!, png.data[o + 1]!, png.data[o + 2]!];
  };
  /** 0 (transparent) … 255 (opaque); an RGB PNG decodes as all opaque. */
  const alpha = (x: number, y: number): number => png.data[(y * png.width + x) * 4 + 3]!;
  return { width: png.width, height: png.height, pixel, alpha };
}

export const gray = (g: number): [number, number, number] => [g, g, g];
