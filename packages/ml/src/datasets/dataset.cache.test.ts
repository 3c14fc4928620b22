import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic.write';
import { readDatasetCache, writeDatasetCache, type CacheIdentity } from './dataset.cache';
import type { ImageDataset } from './dataset.types';
import { loadMnist } from './mnist.loader';

// Real MNIST test images as the payload: the cache is content-agnostic, and these load in well under a second.
let dataset: ImageDataset;
let workDir: string;
const identity: CacheIdentity = {
  name: 'mnist-test',
  transform: 'idx-v1',
  sources: { 't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7' },
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

beforeAll(async () => {
  dataset = (await loadMnist({})).test;
  workDir = await mkdtemp(join(tmpdir(), 'tensorscope-cache-test-'));
}, 120_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function freshEntry(): Promise<string> {
  const dir = await mkdtemp(join(workDir, 'entry-'));
  await writeDatasetCache(dir, identity, dataset);
  return dir;
}

describe('dataset cache', () => {
  it('round-trips bytes and shape, leaving no temp files behind', async () => {
    const dir = await freshEntry();
    expect((await readdir(dir)).sort()).toEqual(['mnist-test.images.u8', 'mnist-test.labels.u8', 'mnist-test.manifest.json']);
    const lookup = await readDatasetCache(dir, identity);
    expect(lookup.hit).toBe(true);
    if (!lookup.hit) return;
    expect(Buffer.compare(lookup.dataset.images, dataset.images)).toBe(0);
    expect(Buffer.compare(lookup.dataset.labels, dataset.labels)).toBe(0);
    expect([lookup.dataset.count, lookup.dataset.height, lookup.dataset.width, lookup.dataset.channels]).toEqual([10_000, 28, 28, 1]);
  });

  it('misses when nothing is cached', async () => {
    expect(await readDatasetCache(join(workDir, 'nothing-here'), identity)).toEqual({ hit: false, reason: 'no cache entry' });
  });

  it('misses when the recipe, the sources or the class names differ', async () => {
    const dir = await freshEntry();
    expect(await readDatasetCache(dir, { ...identity, transform: 'idx-v2' })).toEqual({
      hit: false,
      reason: 'stale: built by a different transform',
    });
    expect(await readDatasetCache(dir, { ...identity, sources: { other: 'f'.repeat(64) } })).toEqual({
      hit: false,
      reason: 'stale: built from different source files',
    });
    expect(await readDatasetCache(dir, { ...identity, classNames: ['a'] })).toEqual({ hit: false, reason: 'stale: different class names' });
  });

  it('misses when a data file is truncated, altered or gone', async () => {
    const dir = await freshEntry();
    await truncate(join(dir, 'mnist-test.labels.u8'), 9_999);
    expect(await readDatasetCache(dir, identity)).toEqual({ hit: false, reason: 'corrupt labels file: 9999 bytes, manifest says 10000' });

    const dir2 = await freshEntry();
    const images = await readFile(join(dir2, 'mnist-test.images.u8'));
    images[500] = images[500]! ^ 1;
    await writeFile(join(dir2, 'mnist-test.images.u8'), images);
    const lookup = await readDatasetCache(dir2, identity);
    expect(lookup.hit === false && lookup.reason).toMatch(/^corrupt images file: SHA-256 [0-9a-f]{64}, manifest says [0-9a-f]{64}$/);

    const dir3 = await freshEntry();
    await rm(join(dir3, 'mnist-test.images.u8'));
    expect(await readDatasetCache(dir3, identity)).toEqual({ hit: false, reason: 'corrupt images file: cannot read (ENOENT)' });
  });

  it('misses when the manifest is inconsistent with itself', async () => {
    const dir = await freshEntry();
    const path = join(dir, 'mnist-test.manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as { shape: { count: number } };
    manifest.shape.count = 5_000;
    await writeFile(path, JSON.stringify(manifest));
    expect(await readDatasetCache(dir, identity)).toEqual({ hit: false, reason: 'stale: image bytes do not match shape' });
  });

  it('refuses to cache a dataset whose bytes do not match its shape', async () => {
    await expect(writeDatasetCache(workDir, identity, { ...dataset, count: 9_999 })).rejects.toThrow(/byte counts do not match/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces content whole and cleans up its temp file when the rename fails', async () => {
    const dir = await mkdtemp(join(workDir, 'atomic-'));
    await writeFileAtomic(join(dir, 'a.bin'), 'first');
    await writeFileAtomic(join(dir, 'a.bin'), 'second');
    expect(await readFile(join(dir, 'a.bin'), 'utf8')).toBe('second');
    // Renaming a file over a non-empty directory fails; the temp file must not be left behind.
    await mkdir(join(dir, 'blocked'));
    await writeFile(join(dir, 'blocked', 'keep'), 'x');
    await expect(writeFileAtomic(join(dir, 'blocked'), 'data')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a.bin', 'blocked']);
  });
});
