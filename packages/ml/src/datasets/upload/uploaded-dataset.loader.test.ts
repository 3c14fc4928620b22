import { DATASET_FILE_FIELDS, type TDatasetFormat, type TUploadManifest } from '@tensorscope/shared';
import { zipSync } from 'fflate';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../sha256.hash';
import {
  loadUploadedDataset,
  loadUploadedTestSplit,
  openUploadedTrainOnDisk,
  UPLOAD_MANIFEST,
  uploadChecksum,
} from './uploaded-dataset.loader';

function idx(dims: number[], data: Uint8Array): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}
const gray = (v: number) => {
  const image = new PNG({ width: 2, height: 2 });
  for (let p = 0; p < 4; p++) image.data.set([v, v, v, 255], p * 4);
  return PNG.sync.write(image);
};

/** Writes an upload's files and manifest as the API side does, in a fresh folder. */
function cached(format: TDatasetFormat, files: Record<string, Uint8Array>, manifest: Partial<TUploadManifest> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'upload-'));
  for (const [field, data] of Object.entries(files)) writeFileSync(join(dir, field), data);
  const checksum = uploadChecksum(DATASET_FILE_FIELDS[format].map((f) => sha256Hex(files[f]!)));
  const full: TUploadManifest = { id: 'u1', format, classNames: ['a', 'b'], inputShape: [2, 2, 1], checksum, ...manifest };
  writeFileSync(join(dir, UPLOAD_MANIFEST), JSON.stringify(full));
  return dir;
}

describe('loadUploadedDataset', () => {
  const idxFiles = {
    trainImages: gzipSync(
      idx(
        [3, 2, 2],
        new Uint8Array(12).map((_, i) => i),
      ),
    ),
    trainLabels: idx([3], new Uint8Array([0, 1, 1])),
    testImages: idx([1, 2, 2], new Uint8Array(4).fill(9)),
    testLabels: idx([1], new Uint8Array([1])),
  };

  it('decodes each format from its cached files, as the upload was decoded', async () => {
    const fromIdx = await loadUploadedDataset(cached('idx', idxFiles));
    expect([fromIdx.train.count, fromIdx.test.count, fromIdx.train.classNames]).toEqual([3, 1, ['a', 'b']]);
    expect(Array.from(fromIdx.train.images.subarray(4, 8))).toEqual([4, 5, 6, 7]);
    const csv = { train: new TextEncoder().encode('0,1,2,3,4\n1,5,6,7,8\n'), test: new TextEncoder().encode('1,0,0,0,0\n') };
    const fromCsv = await loadUploadedDataset(cached('csv', csv));
    expect(Array.from(fromCsv.train.labels)).toEqual([0, 1]);
    const archive = zipSync({ 'train/a/1.png': gray(10), 'train/b/2.png': gray(20), 'test/b/3.png': gray(30) });
    const fromZip = await loadUploadedDataset(cached('image-folder-zip', { archive }));
    expect([fromZip.train.count, fromZip.test.count, fromZip.test.images[0]]).toEqual([2, 1, 30]);
  });

  it('fails loudly when a cached byte differs from the catalogue or the decoded data disagrees with it', async () => {
    const dir = cached('idx', idxFiles);
    writeFileSync(join(dir, 'testLabels'), idx([1], new Uint8Array([0])));
    await expect(loadUploadedDataset(dir)).rejects.toThrow(/cached files have checksum [0-9a-f]{64}, the catalogue says/);
    await expect(loadUploadedDataset(cached('idx', idxFiles, { inputShape: [4, 1, 1] }))).rejects.toThrow(
      /decodes to 2×2×1 images of 2 classes; the catalogue says 4×1×1/,
    );
    await expect(loadUploadedDataset(mkdtempSync(join(tmpdir(), 'none-')))).rejects.toThrow(/is not in the cache/);
  });

  it('decodes once into decoded/ beside the files: training images read from there, damage rebuilt', async () => {
    const dir = cached('idx', idxFiles);
    const decoded = await loadUploadedDataset(dir);
    const train = await openUploadedTrainOnDisk(dir);
    try {
      expect([train.count, train.height, train.width, train.channels]).toEqual([3, 2, 2, 1]);
      expect(Array.from(train.images(0, 3))).toEqual(Array.from(decoded.train.images));
      expect(Array.from(train.labels)).toEqual([0, 1, 1]);
    } finally {
      train.close();
    }
    const test = await loadUploadedTestSplit(dir);
    expect([test.count, Array.from(test.images), Array.from(test.labels)]).toEqual([1, [9, 9, 9, 9], [1]]);

    // Opened again: read from the decoded cache, not decoded and written again.
    const written = statSync(join(dir, 'decoded', 'train.manifest.json')).mtimeMs;
    (await openUploadedTrainOnDisk(dir)).close();
    expect(statSync(join(dir, 'decoded', 'train.manifest.json')).mtimeMs).toBe(written);

    // A damaged decoded file is a miss: decoded again from the upload's files, the right bytes.
    const path = join(dir, 'decoded', 'train.images.u8');
    const bytes = readFileSync(path);
    bytes[5] = 200;
    writeFileSync(path, bytes);
    const again = await openUploadedTrainOnDisk(dir);
    try {
      expect(Array.from(again.images(0, 3))).toEqual(Array.from(decoded.train.images));
    } finally {
      again.close();
    }
  });
});
