import { describe, expect, it } from 'vitest';
import { filterGridLayout, renderFilterGrid } from './filter-grid.render';
import { decodePng, gray } from './png-pixels.test-util';
import { GRID_BACKGROUND } from './rgb-image.canvas';

/** Builds a [fh, fw, cin, cout] kernel from value(i, j, c, f). */
function kernel(shape: [number, number, number, number], value: (i: number, j: number, c: number, f: number) => number) {
  const [fh, fw, cin, cout] = shape;
  const data = new Float32Array(fh * fw * cin * cout);
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      for (let c = 0; c < cin; c++) for (let f = 0; f < cout; f++) data[((i * fw + j) * cin + c) * cout + f] = value(i, j, c, f);
  return { shape: [...shape], data };
}

const bg = [...GRID_BACKGROUND];

describe('renderFilterGrid: one tile per filter (cin 1)', () => {
  // 2×2 filters; filter 0 = [[0, 1], [2, 3]], filter 1 = 10× that, filter 2 = −filter 0.
  const k = kernel([2, 2, 1, 3], (i, j, _c, f) => (i * 2 + j) * [1, 10, -1][f]!);

  it('lays 3 filters out 2×2 with 1-pixel separators and maps each filter to its own min–max', () => {
    const img = decodePng(renderFilterGrid(k, { scale: 'per-filter', zoom: 2 }));
    // Tiles are 4×4 px (2 weights × zoom 2): 2·4 + 1 = 9 px each way.
    expect([img.width, img.height]).toEqual([9, 9]);
    // Filter 0 at the top left: 0, 1, 2, 3 → 0, 85, 170, 255, each weight a 2×2 block.
    expect(img.pixel(0, 0)).toEqual(gray(0));
    expect(img.pixel(1, 1)).toEqual(gray(0));
    expect(img.pixel(2, 0)).toEqual(gray(85));
    expect(img.pixel(0, 2)).toEqual(gray(170));
    expect(img.pixel(3, 3)).toEqual(gray(255));
    // Filter 1 (top right, from x = 5) has the same pattern on its own scale: same grays.
    expect(img.pixel(5, 0)).toEqual(gray(0));
    expect(img.pixel(8, 3)).toEqual(gray(255));
    // Filter 2 (bottom left, from y = 5) is inverted: its largest weight is 0 at (0, 0).
    expect(img.pixel(0, 5)).toEqual(gray(255));
    expect(img.pixel(3, 8)).toEqual(gray(0));
    // Separators: column 4 and row 4 between the three filters.
    for (let t = 0; t < 4; t++) {
      expect(img.pixel(4, t)).toEqual(bg);
      expect(img.pixel(t, 4)).toEqual(bg);
    }
    expect(img.alpha(0, 0)).toBe(255);
    // The 4th cell is empty: transparent, with the separators bordering it (no blue block).
    for (let t = 4; t < 9; t++) {
      expect(img.alpha(6, t)).toBe(0);
      expect(img.alpha(t, 6)).toBe(0);
      expect(img.alpha(4, t)).toBe(0);
      expect(img.alpha(t, 4)).toBe(0);
    }
    expect(img.alpha(4, 3)).toBe(255);
  });

  it('with a shared scale, filters keep their relative magnitudes', () => {
    const img = decodePng(renderFilterGrid(k, { scale: 'shared', zoom: 2 }));
    // Layer range [−3, 30]: filter 0's weight 3 → 255 · 6/33 = 46; filter 1's 30 → 255; filter 2's −3 → 0.
    expect(img.pixel(3, 3)).toEqual(gray(46));
    expect(img.pixel(8, 3)).toEqual(gray(255));
    expect(img.pixel(3, 8)).toEqual(gray(0));
    expect(img.pixel(0, 0)).toEqual(gray(Math.round((255 * 3) / 33))); // weight 0
  });
});

describe('renderFilterGrid: RGB filters (cin 3)', () => {
  it('colours a tile from the filter’s three input channels on one per-filter scale', () => {
    // 1×1 filters. Filter 0: (r, g, b) = (1, 0, 0.5). Filter 1: (−2, −2, 2).
    const k = kernel(
      [1, 1, 3, 2],
      (_i, _j, c, f) =>
        [
          [1, 0, 0.5],
          [-2, -2, 2],
        ][f]![c]!,
    );
    const img = decodePng(renderFilterGrid(k, { scale: 'per-filter', zoom: 3 }));
    expect(filterGridLayout(k.shape, 3)).toMatchObject({ mode: 'filters', rows: 1, cols: 2 });
    expect([img.width, img.height]).toEqual([7, 3]);
    expect(img.pixel(1, 1)).toEqual([255, 0, 128]);
    expect(img.pixel(3, 1)).toEqual(bg);
    expect(img.pixel(5, 1)).toEqual([0, 0, 255]);
    const shared = decodePng(renderFilterGrid(k, { scale: 'shared', zoom: 3 }));
    // Layer range [−2, 2]: 1 → 191, 0 → 128, 0.5 → 159.
    expect(shared.pixel(1, 1)).toEqual([191, 128, 159]);
  });
});

describe('renderFilterGrid: deep layers (cin 32, like conv2)', () => {
  // conv2-shaped: filter f, input channel c holds the constant (c === 0 ? 1 : c === 1 ? 0.5 : 0) · (f + 1).
  const k = kernel([5, 5, 32, 64], (_i, _j, c, f) => (c === 0 ? 1 : c === 1 ? 0.5 : 0) * (f + 1));

  it('gives one row per filter and one column per input channel', () => {
    const layout = filterGridLayout(k.shape, 2);
    expect(layout).toEqual({
      mode: 'channels',
      rows: 64,
      cols: 32,
      separator: 1,
      tileWidth: 10,
      tileHeight: 10,
      width: 32 * 10 + 31,
      height: 64 * 10 + 63,
    });
    const img = decodePng(renderFilterGrid(k, { scale: 'per-filter', zoom: 2 }));
    expect([img.width, img.height]).toEqual([351, 703]);
    // per-filter: one scale per row, so within every row channel 0 is white, 1 mid-gray, the rest black.
    for (const f of [0, 63]) {
      const y = f * 11 + 4;
      expect(img.pixel(4, y)).toEqual(gray(255));
      expect(img.pixel(11 + 4, y)).toEqual(gray(128));
      expect(img.pixel(22 + 4, y)).toEqual(gray(0));
      expect(img.pixel(10, y)).toEqual(bg); // separator between channel 0 and 1
    }
    expect(img.pixel(4, 10)).toEqual(bg); // separator between filter rows 0 and 1
  });

  it('with a shared scale, later (larger) filters are brighter', () => {
    const img = decodePng(renderFilterGrid(k, { scale: 'shared', zoom: 2 }));
    // Layer range [0, 64]: filter 0's channel 0 (value 1) → 4; filter 63's (value 64) → 255.
    expect(img.pixel(4, 4)).toEqual(gray(4));
    expect(img.pixel(4, 63 * 11 + 4)).toEqual(gray(255));
  });
});

describe('renderFilterGrid: one output filter of a deep layer', () => {
  const k = kernel([5, 5, 32, 64], (_i, _j, c, f) => (c === 0 ? 1 : c === 1 ? 0.5 : 0) * (f + 1));

  it('lays the filter’s 32 input channels out 6×6 (4 cells empty, transparent)', () => {
    const layout = filterGridLayout(k.shape, 4, 7);
    expect(layout).toMatchObject({ mode: 'filter', rows: 6, cols: 6, tileWidth: 20, tileHeight: 20, separator: 1 });
    const img = decodePng(renderFilterGrid(k, { scale: 'per-filter', zoom: 4, filter: 7 }));
    expect([img.width, img.height]).toEqual([6 * 20 + 5, 6 * 20 + 5]);
    expect(img.pixel(10, 10)).toEqual(gray(255)); // channel 0
    expect(img.pixel(21 + 10, 10)).toEqual(gray(128)); // channel 1
    expect(img.pixel(42 + 10, 10)).toEqual(gray(0)); // channel 2
    // Channel 31 is the last drawn (row 5, column 1); cells 32–35 are empty.
    expect(img.alpha(21 + 10, 5 * 21 + 10)).toBe(255);
    expect(img.alpha(42 + 10, 5 * 21 + 10)).toBe(0);
  });

  it('with a shared scale, reads the filter on the layer’s range', () => {
    const img = decodePng(renderFilterGrid(k, { scale: 'shared', zoom: 2, filter: 63 }));
    expect(img.pixel(4, 4)).toEqual(gray(255));
    const first = decodePng(renderFilterGrid(k, { scale: 'shared', zoom: 2, filter: 0 }));
    expect(first.pixel(4, 4)).toEqual(gray(4));
  });

  it('refuses a filter the layer does not have', () => {
    expect(() => filterGridLayout(k.shape, 2, 64)).toThrow(/0 to 63/);
    expect(() => filterGridLayout(k.shape, 2, -1)).toThrow(/0 to 63/);
  });
});

describe('renderFilterGrid input checks', () => {
  it('rejects tensors that are not conv kernels and bad zooms', () => {
    expect(() => renderFilterGrid({ shape: [3136, 1024], data: new Float32Array(1) }, { scale: 'shared', zoom: 1 })).toThrow(
      /fh, fw, cin, cout/,
    );
    expect(() => renderFilterGrid({ shape: [2, 2, 1, 1], data: new Float32Array(3) }, { scale: 'shared', zoom: 1 })).toThrow(
      /needs 4 values/,
    );
    expect(() => renderFilterGrid({ shape: [2, 2, 1, 1], data: new Float32Array(4) }, { scale: 'shared', zoom: 0 })).toThrow(/zoom/);
  });
});
