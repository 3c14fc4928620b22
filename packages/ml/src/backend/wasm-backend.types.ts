import type * as tf from '@tensorflow/tfjs';

/**
 * The part of tfjs-backend-wasm's BackendWasm that JS-side kernels use, as its own kernels
 * written in JS do (Identity, Reshape, …): reference counts, output allocation and views
 * of the wasm heap. A view from typedArrayFromHeap is only valid until the next allocation
 * (makeOutput may grow the heap and detach it): allocate first, then take views.
 */
export interface WasmBackendLike {
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
  refCount(dataId: object): number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** What tfjs hands a kernel as `backend`: its type is the untyped `{}`, named once here. */
export type KernelBackend = Parameters<tf.KernelFunc>[0]['backend'];

export function asWasm(backend: KernelBackend): WasmBackendLike {
  return backend as WasmBackendLike;
}
