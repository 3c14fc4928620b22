import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeIdxUpload } from './idx-upload.decode';

/** An IDX file of unsigned bytes with these dims. */
function idx(dims: number[], data: number[]): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

const FASHION = '/usr/share/datasets/fashion-mnist';

describe('decodeIdxUpload', () => {
  it('reads raw and gzip files, gray or with channels, labels naming the classes', () => {
    const files = {
      trainImages: gzipSync(idx([3, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])),
      trainLabels: idx([3], [0, 2, 1]),
      testImages: idx([1, 2, 2], [9, 9, 9, 9]),
      testLabels: gzipSync(idx([1], [1])),
    };
    const d = decodeIdxUpload(files, ['a', 'b', 'c']);
    expect(d.train).toMatchObject({ count: 3, height: 2, width: 2, channels: 1, classNames: ['a', 'b', 'c'] });
    expect(Array.from(d.train.images.subarray(4, 8))).toEqual([4, 5, 6, 7]);
    expect(Array.from(d.train.labels)).toEqual([0, 2, 1]);
    const rgb = decodeIdxUpload({
      ...files,
      trainImages: idx([1, 1, 1, 3], [1, 2, 3]),
      trainLabels: idx([1], [1]),
      testImages: idx([1, 1, 1, 3], [4, 5, 6]),
      testLabels: idx([1], [0]),
    });
    expect(rgb.test).toMatchObject({ count: 1, height: 1, width: 1, channels: 3, classNames: ['0', '1'] });
  });

  it('refuses bad uploads, naming the file and the problem', () => {
    const ok = {
      trainImages: idx([2, 1, 1], [0, 1]),
      trainLabels: idx([2], [0, 1]),
      testImages: idx([1, 1, 1], [0]),
      testLabels: idx([1], [1]),
    };
    const bad: [Partial<typeof ok>, string | RegExp, string[]?][] = [
      [{ trainLabels: idx([3], [0, 1, 1]) }, 'train: 3 labels but 2 images (trainLabels and trainImages must match one to one)'],
      [{ testImages: Buffer.from([0x1f, 0x8b, 1, 2, 3]) }, /^testImages: corrupt gzip \(/],
      [{ trainImages: idx([2], [0, 1]) }, 'IDX file trainImages: magic number 2049, expected 2051'],
      [{ trainImages: idx([2, 1, 1], [0]) }, 'IDX file trainImages: 17 bytes, but header dims [2, 1, 1] need exactly 18'],
      [{ testImages: idx([1, 1, 2], [0, 0]) }, 'train images are 1×1×1 but test images are 1×2×1'],
      [{ trainLabels: idx([2], [0, 0]), testLabels: idx([1], [0]) }, 'the labels name only 1 class; a classifier needs at least 2'],
      [{}, 'classNames lists 3 names but the labels run from 0 to 1 (2 classes)', ['a', 'b', 'c']],
    ];
    for (const [change, message, names] of bad) expect(() => decodeIdxUpload({ ...ok, ...change }, names)).toThrow(message);
  });

  it('decodes the real Fashion-MNIST files as shipped by Debian', () => {
    const read = (name: string) => readFileSync(`${FASHION}/${name}`);
    const d = decodeIdxUpload({
      trainImages: read('train-images-idx3-ubyte.gz'),
      trainLabels: read('train-labels-idx1-ubyte.gz'),
      testImages: read('t10k-images-idx3-ubyte.gz'),
      testLabels: read('t10k-labels-idx1-ubyte.gz'),
    });
    expect([d.train.count, d.test.count, d.train.height, d.train.width, d.train.channels]).toEqual([60_000, 10_000, 28, 28, 1]);
    expect(d.train.classNames).toHaveLength(10);
    // Fashion-MNIST is balanced: 6,000 training images per class.
    const counts = new Array(10).fill(0);
    for (const l of d.train.labels) counts[l]++;
    expect(counts).toEqual(new Array(10).fill(6_000));
  });
});
