import { gunzipSync } from 'node:zlib';
import { UploadError } from './upload.error';

/** Uploads may be gzip or raw (MNIST's own files are .gz): gzip is recognised by its magic bytes, not the name. */
export function gunzipIfGzipped(bytes: Uint8Array, fileName: string): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new UploadError(`${fileName}: corrupt gzip (${e instanceof Error ? e.message : String(e)})`);
  }
}
