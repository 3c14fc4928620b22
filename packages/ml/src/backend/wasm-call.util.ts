import * as tf from '@tensorflow/tfjs';
import { asWasm, type KernelBackend } from './wasm-backend.types';

/** Calls one of wasm's registered kernels (looked up each time: cheap, and robust to re-registration). */
export function callWasm(
  kernelName: string,
  backend: KernelBackend,
  inputs: Record<string, tf.TensorInfo>,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(kernelName, 'wasm');
  if (config === undefined) throw new Error(`wasm kernel ${kernelName} is not registered`);
  const out = config.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`wasm kernel ${kernelName} returned several outputs`);
  return out;
}

/** Releases intermediates a composed kernel made, as soon as they are consumed. */
export function disposeInfos(backend: KernelBackend, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) asWasm(backend).disposeData(info.dataId);
}

/** Swaps the last two axes of a rank ≥ 2 tensor with wasm's Transpose. */
export function transposeLastTwo(backend: KernelBackend, t: tf.TensorInfo): tf.TensorInfo {
  const rank = t.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return callWasm('Transpose', backend, { x: t }, { perm });
}
