import { describe, expect, it } from 'vitest';
import { filterAtRow, filterZoom } from './filter-zoom';

describe('filterZoom', () => {
  it('blows small first-layer grids up to a readable size, capped', () => {
    expect(filterZoom([5, 5, 1, 6])).toBe(16);
    expect(filterZoom([5, 5, 1, 32])).toBe(16); // 6×6 tiles of 5 px → 480 px
  });
  it('shrinks a deep layer (one row per filter, one column per input) to fit', () => {
    expect(filterZoom([5, 5, 6, 16])).toBe(12); // 80 weight rows → 960 px tall
    expect(filterZoom([5, 5, 32, 64])).toBe(3);
    expect(filterZoom([5, 5, 512, 512])).toBe(1);
  });
});

describe('filterZoom of one filter', () => {
  it('reads one conv2 filter (32 channels, 6×6 tiles of 5×5) at the largest zoom', () => {
    expect(filterZoom([5, 5, 32, 64], true)).toBe(16);
    expect(filterZoom([5, 5, 512, 512], true)).toBe(6); // 23×23 tiles of 5 px → 690 px
    expect(filterZoom([5, 5, 3, 32], true)).toBe(16); // one RGB tile
  });
});

describe('filterAtRow', () => {
  it('maps a click on the 64-row conv2 grid to the filter of that row', () => {
    expect(filterAtRow(0, 703, 64)).toBe(0);
    expect(filterAtRow(12, 703, 64)).toBe(1);
    expect(filterAtRow(702, 703, 64)).toBe(63);
    expect(filterAtRow(703, 703, 64)).toBe(63);
  });
  it('is null outside the image', () => {
    expect(filterAtRow(-1, 703, 64)).toBeNull();
    expect(filterAtRow(5, 0, 64)).toBeNull();
  });
});
