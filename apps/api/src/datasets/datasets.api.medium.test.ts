import type { TApiError, TDataset, TDatasetList } from '@tensorscope/shared';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { http, tokenFor, useTestApi } from '../../test/api.harness';
import { PrismaService } from '../prisma/prisma.service';

const FASHION = '/usr/share/datasets/fashion-mnist';

/** An IDX file of unsigned bytes with these dims. */
function idx(dims: number[], data: number[] | Uint8Array): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

const grayPng = (v: number, size = 4) => {
  const image = new PNG({ width: size, height: size });
  for (let p = 0; p < size * size; p++) image.data.set([v, v, v, 255], p * 4);
  return PNG.sync.write(image);
};

describe('datasets REST API', () => {
  const api = useTestApi({ DATASET_UPLOAD_MAX_BYTES: String(40 * 1024 * 1024) });

  const upload = async (fields: Record<string, string>, files: Record<string, Uint8Array>, token?: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const [k, v] of Object.entries(files)) form.append(k, new Blob([v]), `${k}.bin`);
    const res = await fetch(`${api.base}/api/datasets`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token ?? (await tokenFor(api.base))}` },
    });
    return { status: res.status, body: (await res.json()) as TDataset & TApiError };
  };
  const count = async () => (await http<TDatasetList>(api.base, '/api/datasets')).body.items.length;
  const small = {
    trainImages: gzipSync(
      idx(
        [4, 2, 2],
        new Uint8Array(16).map((_, i) => i * 10),
      ),
    ),
    trainLabels: idx([4], [0, 1, 2, 1]),
    testImages: idx([2, 2, 2], new Uint8Array(8)),
    testLabels: idx([2], [2, 0]),
  };

  it('lists the built-in datasets with their shapes, classes and statistics', async () => {
    const list = (await http<TDatasetList>(api.base, '/api/datasets')).body.items;
    expect(list.slice(0, 2).map((d) => [d.id, d.builtin, d.inputShape, d.trainSize, d.testSize, d.classes.length])).toEqual([
      ['mnist', true, [28, 28, 1], 60_000, 10_000, 10],
      ['cifar10', true, [32, 32, 3], 50_000, 10_000, 10],
    ]);
    expect((await http<TDataset>(api.base, '/api/datasets/cifar10')).body.classes[0]).toBe('airplane');
    expect(list[0]!.classCounts.test).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect((await http(api.base, '/api/datasets/nope')).status).toBe(404);
    // The sample grid: 10 classes × 10 images of 28×28 with 2-px gaps, drawn once, then kept.
    const grid = await fetch(`${api.base}/api/datasets/mnist/samples.png`, {
      headers: { authorization: `Bearer ${await tokenFor(api.base)}` },
    });
    expect(grid.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await grid.arrayBuffer()));
    expect([png.width, png.height]).toEqual([10 * 30 + 2, 10 * 30 + 2]);
    expect(await api.app.get(PrismaService).client.dataset.count({ where: { id: 'mnist', samplesPng: { not: null } } })).toBe(1);
  });

  it('takes the real Fashion-MNIST IDX files and describes them', async () => {
    const read = (name: string) => readFileSync(`${FASHION}/${name}`);
    const classes = 'T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot';
    const res = await upload(
      { name: 'Fashion-MNIST', format: 'idx', classNames: classes },
      {
        trainImages: read('train-images-idx3-ubyte.gz'),
        trainLabels: read('train-labels-idx1-ubyte.gz'),
        testImages: read('t10k-images-idx3-ubyte.gz'),
        testLabels: read('t10k-labels-idx1-ubyte.gz'),
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Fashion-MNIST',
      format: 'idx',
      inputShape: [28, 28, 1],
      trainSize: 60_000,
      testSize: 10_000,
      builtin: false,
    });
    expect(res.body.classes).toEqual(classes.split(','));
    // Debian's statistics for the training split (shared/datasets.md): mean 0.2860, std 0.3530.
    expect(res.body.channelMean[0]).toBeCloseTo(0.286, 3);
    expect(res.body.channelStd[0]).toBeCloseTo(0.353, 3);
    expect(res.body.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.classCounts).toEqual({ train: new Array(10).fill(6_000), test: new Array(10).fill(1_000) });
    expect((await http<TDataset>(api.base, `/api/datasets/${res.body.id}`)).body.trainSize).toBe(60_000);
    expect((await http(api.base, `/api/datasets/${res.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await http(api.base, `/api/datasets/${res.body.id}`)).status).toBe(404);
  });

  it('takes CSV and a zip of class folders', async () => {
    const csv = await upload(
      { name: 'tiny csv', format: 'csv' },
      { train: Buffer.from('label,a,b,c,d\n0,1,2,3,4\n1,5,6,7,8\n'), test: Buffer.from('1,0,0,0,0\n') },
    );
    expect(csv.status).toBe(201);
    expect(csv.body).toMatchObject({ inputShape: [2, 2, 1], trainSize: 2, testSize: 1, classes: ['0', '1'] });
    const archive = zipSync({
      'shoes/train/boot/a.png': grayPng(1),
      'shoes/train/sneaker/b.png': grayPng(2),
      'shoes/test/boot/c.png': grayPng(3),
    });
    const zip = await upload({ name: 'shoes', format: 'image-folder-zip' }, { archive });
    expect(zip.status).toBe(201);
    expect(zip.body).toMatchObject({ inputShape: [4, 4, 1], classes: ['boot', 'sneaker'], trainSize: 2, testSize: 1 });
    // Its sample grid was drawn at upload: 2 classes, one image each (the other 9 cells empty).
    const grid = await fetch(`${api.base}/api/datasets/${zip.body.id}/samples.png`, {
      headers: { authorization: `Bearer ${await tokenFor(api.base)}` },
    });
    expect(PNG.sync.read(Buffer.from(await grid.arrayBuffer())).height).toBe(2 * 6 + 2);
  });

  it('refuses each bad upload with a 400 naming the problem, and keeps nothing of it', async () => {
    const before = await count();
    const cases: [Record<string, string>, Record<string, Uint8Array>, string, RegExp][] = [
      [{ name: 'x', format: 'idx' }, { ...small, trainLabels: idx([3], [0, 1, 1]) }, 'files', /^train: 3 labels but 4 images/],
      [{ name: 'x', format: 'idx' }, { ...small, testImages: Buffer.from([0x1f, 0x8b, 9, 9]) }, 'files', /^testImages: corrupt gzip/],
      [{ name: 'x', format: 'idx' }, { trainImages: small.trainImages }, 'trainLabels', /^trainLabels is missing/],
      [{ name: 'x', format: 'idx' }, { ...small, archive: new Uint8Array([1]) }, 'archive', /^archive is not a file of format idx/],
      [{ name: 'x', format: 'tfrecord' }, small, 'format', /^format must be one of idx, image-folder-zip, csv/],
      [{ format: 'idx' }, small, 'name', /./],
      [
        { name: 'x', format: 'csv' },
        { train: Buffer.from('0,1,2,3,x\n'), test: Buffer.from('0,1,2,3,4\n') },
        'files',
        /^train line 1: column 5: "x" is not a whole number/,
      ],
      [
        { name: 'x', format: 'image-folder-zip' },
        { archive: zipSync({ 'train/a/1.png': grayPng(1), 'train/b/2.png': grayPng(2, 5), 'test/a/3.png': grayPng(3) }) },
        'files',
        /^mixed image sizes: /,
      ],
      [
        { name: 'x', format: 'image-folder-zip' },
        { archive: zipSync({ 'pics/1.png': grayPng(1) }) },
        'files',
        /^archive: expected train\/<class>\/<image>/,
      ],
      [
        { name: 'x', format: 'csv' },
        { train: new Uint8Array(41 * 1024 * 1024), test: Buffer.from('0,1\n') },
        '(body)',
        /^the upload is larger than 41,943,040 bytes/,
      ],
    ];
    for (const [fields, files, path, message] of cases) {
      const res = await upload(fields, files);
      expect({ fields, status: res.status, code: res.body.code }).toEqual({ fields, status: 400, code: 'VALIDATION_FAILED' });
      const detail = (res.body.details as { path: string; message: string }[])[0]!;
      expect(detail.path).toBe(path);
      expect(detail.message).toMatch(message);
    }
    const json = await http<TApiError>(api.base, '/api/datasets', { body: { name: 'x' } });
    expect(json.status).toBe(400);
    expect(await count()).toBe(before);
    // Nothing half-imported: no row is left uploading and no file chunk of one remains.
    const prisma = api.app.get(PrismaService).client;
    expect(await prisma.dataset.count({ where: { status: 'uploading' } })).toBe(0);
    expect(await prisma.datasetFile.count({ where: { dataset: { status: { not: 'ready' } } } })).toBe(0);
  });
});
