import type * as tf from '@tensorflow/tfjs';
import { asWasm } from './wasm-backend.types';

/**
 * Identity on wasm 4.22 copies its input into a new buffer. Tensors on a backend are
 * immutable (a Variable's assign swaps dataIds, it never writes in place), so the output
 * can share the input's buffer with one more reference, as wasm's own Reshape and the cpu
 * backend's Identity do. An LSTM-256 step calls Identity ~800 times (tf.clone in layers,
 * the tape's gradient passes), each a malloc + copy. Strings keep wasm's path.
 */
export function makeIdentity(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    if (x === undefined) throw new Error('Identity: missing input x');
    if (x.dtype === 'string') return original(args);
    asWasm(args.backend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}
