import { zipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageFolderZip } from './image-folder-zip.decode';

/** A w×h PNG whose pixel p is `pixel(p)` (RGBA). */
function png(w: number, h: number, pixel: (p: number) => [number, number, number, number]): Uint8Array {
  const image = new PNG({ width: w, height: h });
  for (let p = 0; p < w * h; p++) image.data.set(pixel(p), p * 4);
  return PNG.sync.write(image);
}
const grayPng = (v: number, w = 2, h = 2) => png(w, h, (p) => [v + p, v + p, v + p, 255]);
const zip = (files: Record<string, Uint8Array>) => zipSync(files);

describe('decodeImageFolderZip', () => {
  it('numbers classes in sorted folder order and reads gray PNGs as one channel', () => {
    const d = decodeImageFolderZip(
      zip({
        'shoes/train/sneaker/a.png': grayPng(10),
        'shoes/train/boot/b.png': grayPng(20),
        'shoes/train/boot/c.png': grayPng(30),
        'shoes/test/sneaker/d.png': grayPng(40),
        'shoes/.DS_Store': new Uint8Array([1]),
        '__MACOSX/shoes/._a.png': new Uint8Array([1]),
      }),
    );
    expect(d.train.classNames).toEqual(['boot', 'sneaker']);
    expect(d.train).toMatchObject({ count: 3, height: 2, width: 2, channels: 1 });
    expect(Array.from(d.train.labels)).toEqual([0, 0, 1]);
    expect(Array.from(d.train.images.subarray(0, 4))).toEqual([20, 21, 22, 23]);
    expect(Array.from(d.test.labels)).toEqual([1]);
  });

  it('reads colour JPEGs and PNGs as three channels', () => {
    const rgb = png(1, 1, () => [200, 10, 10, 255]);
    const jpg = jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(8 * 8 * 4, 128) }, 100).data;
    const d = decodeImageFolderZip(zip({ 'train/a/1.png': rgb, 'train/b/2.png': rgb, 'test/a/3.png': rgb }));
    expect(d.train.channels).toBe(3);
    expect(Array.from(d.train.images.subarray(0, 3))).toEqual([200, 10, 10]);
    const j = decodeImageFolderZip(zip({ 'train/a/1.jpg': jpg, 'train/b/2.JPEG': jpg, 'test/b/3.jpg': jpg }));
    expect(j.test).toMatchObject({ count: 1, height: 8, width: 8 });
  });

  it('refuses bad archives, naming what is wrong', () => {
    const ok = { 'train/a/1.png': grayPng(1), 'train/b/2.png': grayPng(2), 'test/a/3.png': grayPng(3) };
    const cases: [Record<string, Uint8Array> | Uint8Array, string | RegExp][] = [
      [new Uint8Array([1, 2, 3, 4]), /^archive: not a readable zip/],
      [
        { 'a/1.png': grayPng(1), 'b/2.png': grayPng(2) },
        /^archive: expected train\/<class>\/<image> and test\/<class>\/<image> \(\.png, \.jpg\) folders; found /,
      ],
      [{ ...ok, 'train/a/notes.txt': new Uint8Array([65]) }, /not in that layout: train\/a\/notes\.txt$/],
      [{ ...ok, 'test/c/4.png': grayPng(4) }, 'archive: test/c/ is not a class of train/ (a, b)'],
      [{ ...ok, 'train/b/5.png': grayPng(5, 3, 3) }, 'mixed image sizes: train/b/5.png is 3×3 but train/a/1.png is 2×2'],
      [{ ...ok, 'train/b/6.png': new Uint8Array([137, 80, 78, 71, 0]) }, /^train\/b\/6\.png: not a readable image/],
      [{ ...ok, 'train/b/7.png': png(2, 2, () => [1, 1, 1, 0]) }, 'train/b/7.png: has transparent pixels; use images without alpha'],
      [{ 'train/a/1.png': grayPng(1), 'test/a/2.png': grayPng(1) }, 'archive: train/ has 1 class folder; a classifier needs at least 2'],
    ];
    for (const [files, message] of cases)
      expect(() => decodeImageFolderZip(files instanceof Uint8Array ? files : zip(files))).toThrow(message);
  });
});
