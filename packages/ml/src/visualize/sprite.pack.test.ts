import { describe, expect, it } from 'vitest';
import { blankRgba } from './rgba-image.png';
import { packSprite } from './sprite.pack';

/** A w×h image whose every pixel is distinct: (seed, x, y, 255). */
function patterned(w: number, h: number, seed: number) {
  const image = blankRgba(w, h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) image.data.set([seed, x, y, 255], (y * w + x) * 4);
  return image;
}

describe('packSprite', () => {
  it('places tile (r, c) at (c·cell, r·cell) with its own size, pixels unchanged', () => {
    const a = patterned(3, 2, 10);
    const b = patterned(4, 4, 20);
    const c = patterned(1, 3, 30);
    const { image, rects } = packSprite([[a, undefined, b], [c]], 3);
    expect([image.width, image.height]).toEqual([12, 8]);
    expect(rects).toEqual([[[0, 0, 3, 2], null, [8, 0, 4, 4]], [[0, 4, 1, 3]]]);
    for (const [tile, rect] of [
      [a, rects[0]![0]!],
      [b, rects[0]![2]!],
      [c, rects[1]![0]!],
    ] as const) {
      const [x0, y0, w, h] = rect;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const o = ((y0 + y) * image.width + x0 + x) * 4;
          expect([...image.data.subarray(o, o + 4)]).toEqual([...tile.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4)]);
        }
    }
  });

  it('refuses a row longer than its columns', () => {
    expect(() => packSprite([[patterned(1, 1, 0), patterned(1, 1, 0)]], 1)).toThrow(/more than its 1 columns/);
  });
});
