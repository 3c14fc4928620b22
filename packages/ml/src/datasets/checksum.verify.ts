import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from './sha256.hash';

/** A source file pinned by exact size and SHA-256, so a swapped or damaged file is never decoded. */
export interface PinnedFile {
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Reads `dir/name` and checks it against its pin before anyone parses it.
 * Size is checked first because it is free and gives the clearer message for
 * truncated downloads; the hash catches everything else. `remedy` tells the
 * user what to do, since a bare "hash mismatch" is not actionable.
 */
export async function readPinnedFile(dir: string, pin: PinnedFile, remedy: string): Promise<Buffer> {
  const path = join(dir, pin.name);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new Error(`Dataset file ${path} could not be read (${(cause as Error).message}). ${remedy}`, { cause });
  }
  if (bytes.length !== pin.bytes) {
    throw new Error(
      `Dataset file ${path} has ${bytes.length} bytes, expected ${pin.bytes} ` +
        `(expected SHA-256 ${pin.sha256}). The file is truncated or replaced. ${remedy}`,
    );
  }
  const actual = sha256Hex(bytes);
  if (actual !== pin.sha256) {
    throw new Error(
      `Dataset file ${path} failed its checksum: expected SHA-256 ${pin.sha256}, got ${actual}. ` +
        `The file is corrupt or from another version. ${remedy}`,
    );
  }
  return bytes;
}
