import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.write';
import { DiskImageSource } from './disk-image.source';
import type { ImageDataset } from './dataset.types';
import { sha256Hex } from './sha256.hash';

/**
 * On-disk cache of decoded datasets: raw uint8 image and label files plus a
 * JSON manifest. Decoding PNG sprites takes seconds; reading raw bytes back
 * takes a fraction of that. The cache is never trusted blindly: the manifest
 * must name the same recipe and source hashes we expect, and both data files
 * must match the size and SHA-256 it records. Anything else is a miss and the
 * caller rebuilds.
 */

const CACHE_FORMAT = 'tensorscope-dataset-cache/1';

/** What a cached entry must have been built from to be reused. */
export interface CacheIdentity {
  /** File stem inside cacheDir, e.g. "cifar10-rgb32-train"; also the entry's identity. */
  name: string;
  /** Exact recipe that produced the bytes; changing it invalidates old entries. */
  transform: string;
  /** Source file name → SHA-256 the bytes were decoded from. */
  sources: Readonly<Record<string, string>>;
  classNames: readonly string[];
}

export type CacheLookup = { hit: true; dataset: ImageDataset } | { hit: false; reason: string };

interface FileRecord {
  bytes: number;
  sha256: string;
}

interface CacheManifest {
  format: string;
  name: string;
  transform: string;
  sources: Record<string, string>;
  classNames: string[];
  shape: { count: number; height: number; width: number; channels: number };
  images: FileRecord;
  labels: FileRecord;
}

function cachePaths(cacheDir: string, name: string) {
  return {
    manifest: join(cacheDir, `${name}.manifest.json`),
    images: join(cacheDir, `${name}.images.u8`),
    labels: join(cacheDir, `${name}.labels.u8`),
  };
}

/** The entry's manifest if it names this identity and is self-consistent, or why not (a miss). */
async function readManifest(path: string, identity: CacheIdentity): Promise<CacheManifest | { miss: string }> {
  let manifestText: string;
  try {
    manifestText = await readFile(path, 'utf8');
  } catch {
    return { miss: 'no cache entry' };
  }
  let manifest: CacheManifest;
  try {
    manifest = JSON.parse(manifestText) as CacheManifest;
  } catch {
    return { miss: 'manifest is not valid JSON' };
  }
  const stale = staleReason(manifest, identity);
  return stale ? { miss: `stale: ${stale}` } : manifest;
}

/** Checks an entry against its identity and hashes; returns the dataset only if every check passes. */
export async function readDatasetCache(cacheDir: string, identity: CacheIdentity): Promise<CacheLookup> {
  const paths = cachePaths(cacheDir, identity.name);
  const manifest = await readManifest(paths.manifest, identity);
  if ('miss' in manifest) return { hit: false, reason: manifest.miss };

  const images = await readRecordedFile(paths.images, manifest.images);
  if (typeof images === 'string') return { hit: false, reason: `corrupt images file: ${images}` };
  const labels = await readRecordedFile(paths.labels, manifest.labels);
  if (typeof labels === 'string') return { hit: false, reason: `corrupt labels file: ${labels}` };

  const { count, height, width, channels } = manifest.shape;
  return {
    hit: true,
    dataset: { images, labels, count, height, width, channels, classNames: identity.classNames },
  };
}

export type DiskCacheLookup = { hit: true; source: DiskImageSource } | { hit: false; reason: string };

/**
 * The same checks as readDatasetCache, but the images stay in their file (DiskImageSource,
 * verified through the descriptor it reads): only the labels are read into memory.
 */
export async function openDatasetCacheOnDisk(cacheDir: string, identity: CacheIdentity): Promise<DiskCacheLookup> {
  const paths = cachePaths(cacheDir, identity.name);
  const manifest = await readManifest(paths.manifest, identity);
  if ('miss' in manifest) return { hit: false, reason: manifest.miss };
  const labels = await readRecordedFile(paths.labels, manifest.labels);
  if (typeof labels === 'string') return { hit: false, reason: `corrupt labels file: ${labels}` };
  const source = await DiskImageSource.open(paths.images, { ...manifest.shape, labels, classNames: identity.classNames }, manifest.images);
  if (typeof source === 'string') return { hit: false, reason: `corrupt images file: ${source}` };
  return { hit: true, source };
}

function staleReason(manifest: CacheManifest, identity: CacheIdentity): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return 'manifest is not an object';
  if (manifest.format !== CACHE_FORMAT) return `format ${String(manifest.format)}, expected ${CACHE_FORMAT}`;
  if (manifest.name !== identity.name) return `entry name ${String(manifest.name)}`;
  if (manifest.transform !== identity.transform) return 'built by a different transform';
  if (!sameStrings(manifest.sources, identity.sources)) return 'built from different source files';
  if (!Array.isArray(manifest.classNames) || manifest.classNames.join('\n') !== identity.classNames.join('\n')) {
    return 'different class names';
  }
  const shape = manifest.shape;
  const dims = shape && [shape.count, shape.height, shape.width, shape.channels];
  if (!dims || !dims.every((d) => Number.isSafeInteger(d) && d > 0)) return 'invalid shape';
  if (!isRecord(manifest.images) || !isRecord(manifest.labels)) return 'invalid file records';
  // A self-consistent manifest could still describe the wrong sizes; the shape must explain the byte counts.
  if (manifest.images.bytes !== shape.count * shape.height * shape.width * shape.channels) return 'image bytes do not match shape';
  if (manifest.labels.bytes !== shape.count) return 'label bytes do not match count';
  return undefined;
}

function sameStrings(a: unknown, b: Readonly<Record<string, string>>): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const record = a as Record<string, unknown>;
  const keys = Object.keys(b);
  return Object.keys(record).length === keys.length && keys.every((k) => record[k] === b[k]);
}

function isRecord(value: unknown): value is FileRecord {
  const r = value as FileRecord | null;
  return typeof r === 'object' && r !== null && Number.isSafeInteger(r.bytes) && typeof r.sha256 === 'string';
}

/** Returns the bytes, or a string saying why they cannot be trusted. */
async function readRecordedFile(path: string, record: FileRecord): Promise<Uint8Array | string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (bytes.length !== record.bytes) return `${bytes.length} bytes, manifest says ${record.bytes}`;
  const actual = sha256Hex(bytes);
  if (actual !== record.sha256) return `SHA-256 ${actual}, manifest says ${record.sha256}`;
  // Hand out a plain Uint8Array view (no copy) so callers never depend on Buffer.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Stores an entry. Data files go first and the manifest last, each written
 * atomically: a crash at any point leaves either no manifest or one whose
 * hashes do not match, which readDatasetCache treats as a miss.
 */
export async function writeDatasetCache(cacheDir: string, identity: CacheIdentity, dataset: ImageDataset): Promise<void> {
  const expectedBytes = dataset.count * dataset.height * dataset.width * dataset.channels;
  if (dataset.images.length !== expectedBytes || dataset.labels.length !== dataset.count) {
    throw new Error(`Refusing to cache ${identity.name}: byte counts do not match its shape.`);
  }
  await mkdir(cacheDir, { recursive: true });
  const paths = cachePaths(cacheDir, identity.name);
  await writeFileAtomic(paths.images, dataset.images);
  await writeFileAtomic(paths.labels, dataset.labels);
  const manifest: CacheManifest = {
    format: CACHE_FORMAT,
    name: identity.name,
    transform: identity.transform,
    sources: { ...identity.sources },
    classNames: [...identity.classNames],
    shape: { count: dataset.count, height: dataset.height, width: dataset.width, channels: dataset.channels },
    images: { bytes: dataset.images.length, sha256: sha256Hex(dataset.images) },
    labels: { bytes: dataset.labels.length, sha256: sha256Hex(dataset.labels) },
  };
  await writeFileAtomic(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
}
