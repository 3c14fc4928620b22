import { DATASET_FILE_FIELDS, ZUploadManifest, type TUploadManifest } from '@tensorscope/shared';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatasetCacheOnDisk, readDatasetCache, writeDatasetCache, type CacheIdentity } from '../dataset.cache';
import type { DatasetSplit, ImageDataset } from '../dataset.types';
import type { DiskImageSource } from '../disk-image.source';
import { sha256Hex } from '../sha256.hash';
import { decodeUpload } from './upload.decode';

/*
 * An uploaded dataset in a worker's cache: its stored files, written by the API side from the
 * database (a worker on another machine has no shared disk), under uploads/<checksum>/, with a
 * manifest written last. This side only reads: it verifies every byte against the catalogue's
 * checksum, decodes exactly as the upload was decoded, and fails loudly on any difference.
 */

export const UPLOAD_MANIFEST = 'dataset.json';

/** Where an upload's files live in a cache folder: one folder per content checksum. */
export const uploadDir = (cacheDir: string, checksum: string): string => join(cacheDir, 'uploads', checksum);

/** The catalogue's checksum of an upload: sha256 over its files' hex digests, one per line, in field order. */
export const uploadChecksum = (digests: readonly string[]): string => sha256Hex(new TextEncoder().encode(digests.join('\n')));

async function readUploadManifest(dir: string): Promise<TUploadManifest> {
  try {
    return ZUploadManifest.parse(JSON.parse(await readFile(join(dir, UPLOAD_MANIFEST), 'utf8')));
  } catch (e) {
    throw new Error(`uploaded dataset in ${dir} is not in the cache (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Decodes the upload cached in `dir` (see uploadDir), after checking its files against the manifest's checksum. */
export async function loadUploadedDataset(dir: string): Promise<DatasetSplit> {
  return decodeUploaded(dir, await readUploadManifest(dir));
}

async function decodeUploaded(dir: string, manifest: TUploadManifest): Promise<DatasetSplit> {
  const fields = DATASET_FILE_FIELDS[manifest.format];
  const files = new Map<string, Uint8Array>();
  for (const field of fields) files.set(field, await readFile(join(dir, field)));
  const checksum = uploadChecksum(fields.map((f) => sha256Hex(files.get(f)!)));
  if (checksum !== manifest.checksum)
    throw new Error(`uploaded dataset ${manifest.id}: its cached files have checksum ${checksum}, the catalogue says ${manifest.checksum}`);
  const { train, test } = decodeUpload(manifest.format, (f) => files.get(f)!, {
    classNames: manifest.classNames,
    ...(manifest.format === 'csv' ? { inputShape: manifest.inputShape } : {}),
  });
  const shape = [train.height, train.width, train.channels];
  if (shape.join() !== manifest.inputShape.join() || train.classNames.join('\n') !== manifest.classNames.join('\n'))
    throw new Error(
      `uploaded dataset ${manifest.id} decodes to ${shape.join('×')} images of ${train.classNames.length} classes; the catalogue says ${manifest.inputShape.join('×')} and ${manifest.classNames.length}`,
    );
  return { train, test };
}

/*
 * Decoded once, read many times: each split's decoded bytes are kept beside the upload's files
 * (<dir>/decoded/, the same checksummed raw format as CIFAR-10's cache), so a worker restart, a
 * render thread or the next run of the same upload reads them instead of decoding again (a zip of
 * 60,000 PNGs decodes in minutes), and the training split is read from its file a batch at a
 * time (DiskImageSource) instead of sitting in the worker's memory.
 */
const DECODE_RECIPE = 'upload-decode/1';

function decodedIdentity(manifest: TUploadManifest, split: 'train' | 'test'): CacheIdentity {
  return {
    name: split,
    transform: `${DECODE_RECIPE} ${manifest.format} ${manifest.inputShape.join('x')}`,
    sources: { checksum: manifest.checksum },
    classNames: manifest.classNames,
  };
}

const decodedDir = (dir: string) => join(dir, 'decoded');

/** Decodes the upload and writes both splits' decoded caches (files first, manifests last). */
async function writeDecoded(dir: string, manifest: TUploadManifest): Promise<DatasetSplit> {
  const split = await decodeUploaded(dir, manifest);
  await writeDatasetCache(decodedDir(dir), decodedIdentity(manifest, 'train'), split.train);
  await writeDatasetCache(decodedDir(dir), decodedIdentity(manifest, 'test'), split.test);
  return split;
}

/**
 * The upload's training images read from their decoded cache file (decoding and writing it
 * first if it is missing, stale or damaged): decoded from files checked against the catalogue's
 * checksum, and checked against its own SHA-256 at every open. The caller closes the source.
 */
export async function openUploadedTrainOnDisk(dir: string): Promise<DiskImageSource> {
  const manifest = await readUploadManifest(dir);
  const identity = decodedIdentity(manifest, 'train');
  const first = await openDatasetCacheOnDisk(decodedDir(dir), identity);
  if (first.hit) return first.source;
  await writeDecoded(dir, manifest);
  const written = await openDatasetCacheOnDisk(decodedDir(dir), identity);
  if (!written.hit)
    throw new Error(`uploaded dataset ${manifest.id}: the decoded training cache just written does not open: ${written.reason}`);
  return written.source;
}

/** The upload's test images, from their decoded cache (decoding and writing it first if needed). */
export async function loadUploadedTestSplit(dir: string): Promise<ImageDataset> {
  const manifest = await readUploadManifest(dir);
  const cached = await readDatasetCache(decodedDir(dir), decodedIdentity(manifest, 'test'));
  if (cached.hit) return cached.dataset;
  return (await writeDecoded(dir, manifest)).test;
}
