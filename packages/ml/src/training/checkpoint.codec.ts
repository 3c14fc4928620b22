import type { TCheckpointTensor, TTrainCheckpoint } from './checkpoint.types';

/** The JSON half of an encoded checkpoint: everything but the float data, which is one buffer. */
export interface TCheckpointManifest extends Omit<TTrainCheckpoint, 'weights' | 'optimizer'> {
  format: 1;
  weights: Array<Omit<TCheckpointTensor, 'data'>>;
  optimizer: Array<Omit<TCheckpointTensor, 'data'>>;
}

const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Manifest + one float32 little-endian buffer (weights, then optimizer slots, in manifest order). */
export function encodeCheckpoint(checkpoint: TTrainCheckpoint): { manifest: TCheckpointManifest; data: Buffer } {
  const all = [...checkpoint.weights, ...checkpoint.optimizer];
  const floats = all.reduce((n, t) => n + t.data.length, 0);
  const data = Buffer.alloc(floats * 4);
  let offset = 0;
  for (const t of all) {
    if (t.data.length !== sizeOf(t.shape))
      throw new Error(`checkpoint tensor ${t.name}: ${t.data.length} values for shape ${t.shape.join('×')}`);
    Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength).copy(data, offset);
    offset += t.data.byteLength;
  }
  const strip = (t: TCheckpointTensor) => ({ name: t.name, shape: t.shape });
  const { weights, optimizer, ...rest } = checkpoint;
  return { manifest: { format: 1, ...rest, weights: weights.map(strip), optimizer: optimizer.map(strip) }, data };
}

/** Inverse of encodeCheckpoint; a truncated or mismatched buffer is an error, never a partial restore. */
export function decodeCheckpoint(manifest: TCheckpointManifest, data: Uint8Array): TTrainCheckpoint {
  if (manifest.format !== 1) throw new Error(`unknown checkpoint format ${String(manifest.format)}`);
  const expected = [...manifest.weights, ...manifest.optimizer].reduce((n, t) => n + sizeOf(t.shape) * 4, 0);
  if (data.byteLength !== expected) throw new Error(`checkpoint data is ${data.byteLength} bytes, its manifest describes ${expected}`);
  // One aligned copy, then views into it.
  const floats = new Float32Array(expected / 4);
  new Uint8Array(floats.buffer).set(data);
  let at = 0;
  const take = (t: Omit<TCheckpointTensor, 'data'>): TCheckpointTensor => {
    const n = sizeOf(t.shape);
    const view = floats.subarray(at, at + n);
    at += n;
    return { name: t.name, shape: [...t.shape], data: view };
  };
  const { format: _format, weights, optimizer, ...rest } = manifest;
  return { ...rest, weights: weights.map(take), optimizer: optimizer.map(take) };
}
