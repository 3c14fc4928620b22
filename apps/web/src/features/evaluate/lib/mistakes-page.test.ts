import { describe, expect, it } from 'vitest';
import { pageOf, visualizeImageHref } from './mistakes-page';

describe('mistakes gallery paging', () => {
  const items = Array.from({ length: 25 }, (_, i) => i);

  it('cuts pages and clamps the page into range', () => {
    expect(pageOf(items, 0, 10)).toEqual({ items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], page: 0, pages: 3, start: 0 });
    expect(pageOf(items, 2, 10)).toEqual({ items: [20, 21, 22, 23, 24], page: 2, pages: 3, start: 20 });
    expect(pageOf(items, 7, 10).page).toBe(2);
    expect(pageOf(items, -1, 10).page).toBe(0);
    expect(pageOf([], 0, 10)).toEqual({ items: [], page: 0, pages: 1, start: 0 });
  });

  it('links an image to the Visualize tab at its snapshot', () => {
    expect(visualizeImageHref('r-1', 120, 42)).toBe('/runs/r-1?tab=visualize&step=120&image=42');
  });
});
