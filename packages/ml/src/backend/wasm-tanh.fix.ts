import type * as tf from '@tensorflow/tfjs';
import { asWasm } from './wasm-backend.types';
import { callWasm, disposeInfos } from './wasm-call.util';

/**
 * Tanh for wasm as tanh(x) = 2·σ(2x) − 1. wasm 4.22's Tanh is a scalar std::tanh loop,
 * ~6× slower than its Sigmoid (XNNPACK's vectorised one); an LSTM step calls Tanh twice
 * per time step (cell input and output), 56 calls at 28 rows: ~9 % of an LSTM-256 step.
 * The identity is exact; in float32 the result is within ~1.2e-7 (absolute) of
 * std::tanh, the rounding of σ near ½ doubled: float tolerance, not a change of numerics.
 * ±∞ give ±1 and NaN stays NaN, as with tanh. Other dtypes keep wasm's kernel.
 */
export function makeTanh(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    if (x === undefined) throw new Error('Tanh: missing input x');
    if (x.dtype !== 'float32') return original(args);
    const wasm = asWasm(args.backend);
    const twoX = wasm.makeOutput([...x.shape], 'float32');
    {
      const src = wasm.typedArrayFromHeap(x);
      const dst = wasm.typedArrayFromHeap(twoX);
      for (let i = 0; i < dst.length; i++) dst[i] = 2 * (src[i] as number);
    }
    const s = callWasm('Sigmoid', args.backend, { x: twoX });
    disposeInfos(args.backend, twoX);
    // s is this kernel's own fresh buffer: turned into the output in place.
    const y = wasm.typedArrayFromHeap(s);
    for (let i = 0; i < y.length; i++) y[i] = 2 * (y[i] as number) - 1;
    return s;
  };
}
