import { describe, expect, it } from 'vitest';
import { featureMapsLayout, renderFeatureMaps } from './feature-maps.render';
import { decodePng, gray } from './png-pixels.test-util';
import { GRID_BACKGROUND } from './rgb-image.canvas';

describe('renderFeatureMaps', () => {
  // [h=2, w=3, c=3]: channel 0 = 0…5 row-major, channel 1 = 100 × that, channel 2 constant 7 (a dead unit).
  const h = 2;
  const w = 3;
  const c = 3;
  const data = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = y * w + x;
      data[(y * w + x) * c + 0] = v;
      data[(y * w + x) * c + 1] = 100 * v;
      data[(y * w + x) * c + 2] = 7;
    }
  }

  it('draws one gray tile per channel, each on its own min–max, in a near-square grid', () => {
    expect(featureMapsLayout([h, w, c], 2)).toEqual({ rows: 2, cols: 2, separator: 1, tileWidth: 6, tileHeight: 4, width: 13, height: 9 });
    const img = decodePng(renderFeatureMaps({ shape: [h, w, c], data }, 2));
    expect([img.width, img.height]).toEqual([13, 9]);
    // Channel 0, top left: value v at (x, y) → 255 · v / 5; each value a 2×2 block.
    expect(img.pixel(0, 0)).toEqual(gray(0));
    expect(img.pixel(2, 1)).toEqual(gray(51));
    expect(img.pixel(5, 3)).toEqual(gray(255));
    // Channel 1 (top right, from x = 7) is 100× channel 0: on its own scale, the same grays.
    expect(img.pixel(7 + 2, 1)).toEqual(gray(51));
    expect(img.pixel(7 + 5, 3)).toEqual(gray(255));
    // Channel 2 (bottom left, from y = 5) is constant: black.
    expect(img.pixel(0, 5)).toEqual(gray(0));
    expect(img.pixel(5, 8)).toEqual(gray(0));
    // Separators between the drawn tiles; the empty 4th cell and the lines bordering it are transparent.
    for (let y = 0; y < 4; y++) expect(img.pixel(6, y)).toEqual([...GRID_BACKGROUND]);
    for (let x = 0; x < 6; x++) expect(img.pixel(x, 4)).toEqual([...GRID_BACKGROUND]);
    for (let y = 4; y < 9; y++) expect(img.alpha(6, y)).toBe(0);
    for (let x = 6; x < 13; x++) expect(img.alpha(x, 4)).toBe(0);
    expect(img.alpha(10, 7)).toBe(0);
    expect(img.alpha(5, 8)).toBe(255);
  });

  it('rejects anything but [h, w, c] with matching data', () => {
    expect(() => renderFeatureMaps({ shape: [1024], data: new Float32Array(1024) }, 1)).toThrow(/h, w, c/);
    expect(() => renderFeatureMaps({ shape: [2, 2, 2], data: new Float32Array(7) }, 1)).toThrow(/need 8 values/);
  });
});
