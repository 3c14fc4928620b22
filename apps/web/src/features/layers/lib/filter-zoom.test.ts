import { describe, expect, it } from 'vitest';
import { filterZoom } from './filter-zoom';

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
