import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderClassSamples } from './class-samples.render';
import type { ImageDataset } from './dataset.types';

describe('renderClassSamples', () => {
  it('puts the first images of each class on its row, leaving short rows transparent', () => {
    // 2×1 gray images: labels 1, 0, 1, 1; pixel values name the image.
    const dataset: ImageDataset = {
      images: new Uint8Array([10, 11, 20, 21, 30, 31, 40, 41]),
      labels: new Uint8Array([1, 0, 1, 1]),
      count: 4,
      height: 1,
      width: 2,
      channels: 1,
      classNames: ['a', 'b'],
    };
    const png = PNG.sync.read(renderClassSamples(dataset, 2));
    // 2 per class: width 2·(2+2)+2 = 10, height 2·(1+2)+2 = 8.
    expect([png.width, png.height]).toEqual([10, 8]);
    const at = (x: number, y: number) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4));
    // Row of class 0 (y = 2): image 1 (20, 21), then an empty, transparent cell.
    expect([at(2, 2), at(3, 2)]).toEqual([
      [20, 20, 20, 255],
      [21, 21, 21, 255],
    ]);
    expect(at(6, 2)[3]).toBe(0);
    // Row of class 1 (y = 5): images 0 and 2 (the first two of class 1), not image 3.
    expect([at(2, 5)[0], at(6, 5)[0], at(7, 5)[0]]).toEqual([10, 30, 31]);
  });
});
