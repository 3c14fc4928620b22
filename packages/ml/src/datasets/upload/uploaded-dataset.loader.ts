import { DATASET_FILE_FIELDS, ZUploadManifest, type TUploadManifest } from '@tensorscope/shared';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetSplit } from '../dataset.types';
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

/** Decodes the upload cached in `dir` (see uploadDir), after checking its files against the manifest's checksum. */
export async function loadUploadedDataset(dir: string): Promise<DatasetSplit> {
  let manifest: TUploadManifest;
  try {
    manifest = ZUploadManifest.parse(JSON.parse(await readFile(join(dir, UPLOAD_MANIFEST), 'utf8')));
  } catch (e) {
    throw new Error(`uploaded dataset in ${dir} is not in the cache (${e instanceof Error ? e.message : String(e)})`);
  }
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
