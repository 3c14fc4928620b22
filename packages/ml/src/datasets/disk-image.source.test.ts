import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DiskImageSource } from './disk-image.source';
import { sha256Hex } from './sha256.hash';

const dir = mkdtempSync(join(tmpdir(), 'disk-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 5 images of 2×2×3 bytes: image i holds i·12 … i·12 + 11. */
const bytes = Uint8Array.from({ length: 60 }, (_, i) => i);
const shape = {
  count: 5,
  height: 2,
  width: 2,
  channels: 3,
  labels: Uint8Array.from([0, 1, 2, 3, 4]),
  classNames: ['a', 'b', 'c', 'd', 'e'],
};
const file = (name: string, content: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

it('reads images by index from the file it verified', async () => {
  const source = await DiskImageSource.open(file('good.u8', bytes), shape, { bytes: 60, sha256: sha256Hex(bytes) });
  if (typeof source === 'string') throw new Error(source);
  try {
    expect(Array.from(source.images(1, 1))).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i));
    expect(Array.from(source.images(3, 2))).toEqual(Array.from(bytes.subarray(36)));
    expect(source.images(0, 0)).toHaveLength(0);
    expect(() => source.images(4, 2)).toThrow('images 4..5 are outside 0..4');
    expect(() => source.images(-1, 1)).toThrow('outside');
  } finally {
    source.close();
  }
  expect(() => source.images(0, 1)).toThrow('the image file is closed');
});

it('says why a file cannot be trusted, and keeps nothing open', async () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;
  const before = openFiles();
  const flipped = bytes.slice();
  flipped[17] = 99;
  expect(await DiskImageSource.open(file('flipped.u8', flipped), shape, { bytes: 60, sha256: sha256Hex(bytes) })).toMatch(
    /^SHA-256 [0-9a-f]{64}, manifest says /,
  );
  expect(await DiskImageSource.open(file('short.u8', bytes.subarray(0, 48)), shape, { bytes: 60, sha256: sha256Hex(bytes) })).toBe(
    '48 bytes, manifest says 60',
  );
  expect(await DiskImageSource.open(file('shape.u8', bytes), { ...shape, count: 4 }, { bytes: 60, sha256: sha256Hex(bytes) })).toBe(
    'image bytes do not match the shape',
  );
  expect(await DiskImageSource.open(join(dir, 'missing.u8'), shape, { bytes: 60, sha256: '' })).toBe('cannot read (ENOENT)');
  expect(openFiles()).toBe(before);
});
