/**
 * Reader for the IDX format MNIST ships in: two zero bytes, a type byte
 * (0x08 = unsigned byte), a dimension count, then one big-endian uint32 per
 * dimension, then the data. The "magic number" is those first four bytes read
 * as a big-endian uint32: 2051 (0x00000803) for images, 2049 (0x00000801) for
 * labels. Only unsigned-byte data is supported, because that is all MNIST uses
 * and anything else would need a different output type.
 */

export const IDX_MAGIC_UBYTE_3D = 2051;
export const IDX_MAGIC_UBYTE_1D = 2049;

const IDX_TYPE_UBYTE = 0x08;

export interface IdxUbyteArray {
  dims: number[];
  /** A fresh copy of the data bytes (not a view into the file buffer). */
  data: Uint8Array;
}

/** Parses an unsigned-byte IDX file, failing on any header/length inconsistency. */
export function parseIdxUbyte(bytes: Uint8Array, expectedMagic: number, fileName: string): IdxUbyteArray {
  const fail = (why: string): never => {
    throw new Error(`IDX file ${fileName}: ${why}.`);
  };
  if (bytes.length < 4) fail(`only ${bytes.length} bytes, too short for a header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) fail(`magic number ${magic}, expected ${expectedMagic}`);
  if (bytes[2] !== IDX_TYPE_UBYTE) fail(`data type 0x${bytes[2]!.toString(16)}, expected 0x08 (unsigned byte)`);

  const rank = bytes[3]!;
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) fail(`${bytes.length} bytes, too short for a ${rank}-dimension header`);
  const dims: number[] = [];
  let elements = 1;
  for (let d = 0; d < rank; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    dims.push(size);
    elements *= size;
  }
  const expectedLength = headerLength + elements;
  if (bytes.length !== expectedLength) {
    fail(`${bytes.length} bytes, but header dims [${dims.join(', ')}] need exactly ${expectedLength}`);
  }
  return { dims, data: new Uint8Array(bytes.subarray(headerLength)) };
}
