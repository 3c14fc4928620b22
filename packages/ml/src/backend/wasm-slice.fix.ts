import * as tf from '@tensorflow/tfjs';
import { asWasm } from './wasm-backend.types';

type Info = tf.TensorInfo;
type Args = Parameters<tf.KernelFunc>[0];

/**
 * Slice for wasm without the whole-input copy: wasm 4.22's Slice reads its input with
 * readSync, which copies the entire tensor out of the heap, before copying the slice.
 * An LSTM step splits each [batch, 4·units] gate pre-activation into its four gates
 * (SplitV → four Slices) at every time step: four full copies per split. Here the slice
 * is copied straight from a heap view, one innermost run at a time. Strings keep wasm's.
 */
function sliceInfo(x: Info, begin: readonly number[], size: readonly number[], backend: Args['backend']): Info {
  const wasm = asWasm(backend);
  const out = wasm.makeOutput([...size], x.dtype);
  if (size.some((d) => d === 0)) return out;
  // Views only after the allocation: makeOutput may grow (and detach) the heap.
  const src = wasm.typedArrayFromHeap(x);
  const dst = wasm.typedArrayFromHeap(out);
  const rank = x.shape.length;
  // Trailing axes taken whole join the last partial axis p into one contiguous run.
  let p = rank - 1;
  let inner = 1;
  while (p >= 0 && begin[p] === 0 && size[p] === x.shape[p]) inner *= x.shape[p--] as number;
  if (p < 0) {
    dst.set(src);
    return out;
  }
  const run = (size[p] as number) * inner;
  const stride = new Array<number>(rank);
  for (let ax = rank - 1, acc = 1; ax >= 0; ax--) {
    stride[ax] = acc;
    acc *= x.shape[ax] as number;
  }
  // Walk the leading axes [0, p) like an odometer, one run per position.
  const index = new Array<number>(p).fill(0);
  const runs = size.slice(0, p).reduce((n, d) => n * d, 1);
  for (let r = 0; r < runs; r++) {
    let from = (begin[p] as number) * inner;
    for (let ax = 0; ax < p; ax++) from += ((begin[ax] as number) + (index[ax] as number)) * (stride[ax] as number);
    dst.set(src.subarray(from, from + run), r * run);
    for (let ax = p - 1; ax >= 0; ax--) {
      index[ax] = (index[ax] as number) + 1;
      if ((index[ax] as number) < (size[ax] as number)) break;
      index[ax] = 0;
    }
  }
  return out;
}

export function makeSlice(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    if (x === undefined) throw new Error('Slice: missing input x');
    if (x.dtype === 'string') return original(args);
    const attrs = args.attrs ?? {};
    const [begin = [], size = []] = tf.slice_util.parseSliceParams(x as tf.Tensor, attrs['begin'] as number[], attrs['size'] as number[]);
    return sliceInfo(x, begin, size, args.backend);
  };
}

/** SplitV on wasm calls its own module's Slice, not the registry's: it gets the same view-based slice. */
export function makeSplitV(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    if (x === undefined) throw new Error('SplitV: missing input x');
    if (x.dtype === 'string') return original(args);
    const [axis = 0] = tf.util.parseAxisParam(args.attrs?.['axis'] as number, x.shape);
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, args.attrs?.['numOrSizeSplits'] as number[] | number, axis);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[axis] = s;
      const piece = sliceInfo(x, begin, size, args.backend);
      begin[axis] = (begin[axis] as number) + s;
      return piece;
    });
  };
}
