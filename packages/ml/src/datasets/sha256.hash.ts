import { createHash } from 'node:crypto';

/** Hex SHA-256 of a byte range; one helper so every integrity check hashes the same way. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
