import { describe, expect, it } from 'vitest';
import type { ImageDataset } from '../datasets/dataset.types';
import { InspectInputError } from '../inspect/inspect-input.error';
import { decodePng, gray } from '../inspect/png-pixels.test-util';
import { GRID_BACKGROUND } from '../inspect/rgb-image.canvas';
import { colormap } from './colormap.lut';
import { datasetImage } from './dataset-image.select';
import { cellsToPixels, heatmapRgba, overlayHeatmap } from './heatmap.render';
import { cropRgba, datasetImageRgba, inputPatch } from './image-patch.crop';
import { CLASS_PALETTE, labelMapRgba } from './label-map.render';
import { projectionRgba } from './projection.render';
import { blankRgba, rgbaToPng } from './rgba-image.png';
import { tileRgba } from './tile-grid.render';

const pixel = (img: { width: number; data: Uint8ClampedArray }, x: number, y: number) =>
  Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

/** 2 grey 3×4 images: image i's byte at (y, x) is 10·i + 4y + x. */
const grayData: ImageDataset = {
  images: Uint8Array.from({ length: 24 }, (_, k) => 10 * Math.floor(k / 12) + (k % 12)),
  labels: new Uint8Array(2),
  count: 2,
  height: 3,
  width: 4,
  channels: 1,
  classNames: [],
};

describe('projectionRgba', () => {
  it('centres 0 at grey 128 and maps ±max|v| to 128 ± 127', () => {
    const img = projectionRgba({ shape: [1, 3, 1], data: Float32Array.from([-2, 0, 1]) });
    expect([pixel(img, 0, 0), pixel(img, 1, 0), pixel(img, 2, 0)]).toEqual([
      [1, 1, 1, 255],
      [128, 128, 128, 255],
      [192, 192, 192, 255],
    ]);
    const shared = projectionRgba({ shape: [1, 3, 1], data: Float32Array.from([-2, 0, 1]) }, { scale: 4 });
    expect(pixel(shared, 0, 0)).toEqual([65, 65, 65, 255]);
    expect(pixel(shared, 2, 0)).toEqual([160, 160, 160, 255]);
    // All zeros: flat grey, not a division by zero.
    expect(pixel(projectionRgba({ shape: [1, 1, 1], data: new Float32Array(1) }), 0, 0)).toEqual([128, 128, 128, 255]);
  });

  it('keeps RGB channels apart and refuses other channel counts', () => {
    const img = projectionRgba({ shape: [1, 1, 3], data: Float32Array.from([1, -1, 0]) });
    expect(pixel(img, 0, 0)).toEqual([255, 1, 128, 255]);
    expect(() => projectionRgba({ shape: [1, 1, 2], data: new Float32Array(2) })).toThrow(InspectInputError);
  });
});

describe('PNG, patches and tiles', () => {
  it('writes PNGs with each pixel as a zoom × zoom block', () => {
    const img = projectionRgba({ shape: [1, 2, 1], data: Float32Array.from([1, -1]) });
    const png = decodePng(rgbaToPng(img, 3));
    expect([png.width, png.height]).toEqual([6, 3]);
    expect(png.pixel(2, 2)).toEqual(gray(255));
    expect(png.pixel(3, 0)).toEqual(gray(1));
    expect(() => rgbaToPng(img, 0)).toThrow(/zoom/);
  });

  it('draws dataset images from their bytes and crops receptive-field patches', () => {
    const img = datasetImageRgba(grayData, 1);
    expect(pixel(img, 3, 2)).toEqual([21, 21, 21, 255]);
    const patch = inputPatch(grayData, 1, { top: 1, left: 2, height: 2, width: 2 });
    expect([patch.width, patch.height]).toEqual([2, 2]);
    expect([pixel(patch, 0, 0), pixel(patch, 1, 1)]).toEqual([
      [16, 16, 16, 255],
      [21, 21, 21, 255],
    ]);
    expect(() => cropRgba(img, { top: 2, left: 0, height: 2, width: 1 })).toThrow(InspectInputError);
    expect(() => datasetImageRgba(grayData, 2)).toThrow(/image index must be an integer from 0 to 1, got 2/);
  });

  it('tiles images of different sizes centred in equal cells on the grid background', () => {
    const a = blankRgba(3, 3, [255, 0, 0]);
    const b = blankRgba(1, 1, [0, 255, 0]);
    const grid = tileRgba([a, b, a], 2, 1);
    expect([grid.width, grid.height]).toEqual([7, 7]);
    expect(pixel(grid, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(grid, 3, 0)).toEqual([...GRID_BACKGROUND, 255]);
    expect(pixel(grid, 5, 1)).toEqual([0, 255, 0, 255]);
    expect(pixel(grid, 4, 0)).toEqual([...GRID_BACKGROUND, 255]);
    expect(pixel(grid, 6, 6)).toEqual([...GRID_BACKGROUND, 255]);
    expect(() => tileRgba([])).toThrow(InspectInputError);
  });
});

describe('heat-maps', () => {
  it('colormaps run from their first to their last stop', () => {
    expect(colormap('jet', 0)).toEqual([0, 0, 128]);
    expect(colormap('jet', 1)).toEqual([128, 0, 0]);
    expect(colormap('jet', 2)).toEqual([128, 0, 0]);
    expect(colormap('viridis', 0.5)).toEqual([33, 144, 141]);
    expect(colormap('viridis', Number.NaN)).toEqual([68, 1, 84]);
  });

  it('colours a plane on its own range or a given one, reversed if asked', () => {
    const plane = { height: 1, width: 2, data: Float32Array.from([2, 4]) };
    const own = heatmapRgba(plane, { colormap: 'viridis' });
    expect([pixel(own, 0, 0), pixel(own, 1, 0)]).toEqual([
      [68, 1, 84, 255],
      [253, 231, 37, 255],
    ]);
    const fixed = heatmapRgba(plane, { colormap: 'viridis', range: { min: 0, max: 8 } });
    expect(pixel(fixed, 1, 0)).toEqual([33, 144, 141, 255]);
    expect(pixel(heatmapRgba(plane, { colormap: 'viridis', reverse: true }), 0, 0)).toEqual([253, 231, 37, 255]);
    expect(() => heatmapRgba(plane, { range: { min: 1, max: 0 } })).toThrow(InspectInputError);
  });

  it('lays a heat-map over an image: cold pixels keep the image, hot ones blend', () => {
    const base = blankRgba(2, 1, [100, 100, 100]);
    const plane = { height: 1, width: 2, data: Float32Array.from([0, 1]) };
    const out = overlayHeatmap(base, plane, { colormap: 'jet', alpha: 0.5 });
    expect(pixel(out, 0, 0)).toEqual([100, 100, 100, 255]);
    expect(pixel(out, 1, 0)).toEqual([114, 50, 50, 255]);
    const uniform = overlayHeatmap(base, plane, { colormap: 'jet', alpha: 0.5, weighByValue: false });
    expect(pixel(uniform, 0, 0)).toEqual([50, 50, 114, 255]);
    expect(() => overlayHeatmap(base, { height: 2, width: 2, data: new Float32Array(4) })).toThrow(/cannot lie over/);
  });

  it('spreads an occlusion grid over the pixels its cells cover', () => {
    const grid = { height: 2, width: 2, data: Float32Array.from([1, 2, 3, 4]) };
    const px = cellsToPixels(grid, 3, 5, 4);
    expect(Array.from(px.data)).toEqual([1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 3, 3, 3, 4, 3, 3, 3, 4]);
    expect(() => cellsToPixels(grid, 2, 5, 4)).toThrow(/does not tile/);
  });

  it('draws class labels in the palette', () => {
    const img = labelMapRgba(Int32Array.from([0, 9, 10]), 1, 3);
    expect(pixel(img, 1, 0)).toEqual([...CLASS_PALETTE[9]!, 255]);
    expect(pixel(img, 2, 0)).toEqual([...CLASS_PALETTE[0]!, 255]);
  });
});

describe('datasetImage', () => {
  it('standardises with the run’s channel stats and checks the index', () => {
    const img = datasetImage(grayData, 1, { mean: [0.5], std: [0.25] });
    expect(img.shape).toEqual([3, 4, 1]);
    expect(img.data[11]).toBeCloseTo((21 / 255 - 0.5) / 0.25, 6);
    for (const bad of [-1, 2, 0.5, Number.NaN])
      expect(() => datasetImage(grayData, bad, { mean: [0], std: [1] })).toThrow(InspectInputError);
  });
});
