import type * as tf from '@tensorflow/tfjs';
import { asWasm } from './wasm-backend.types';

/** Square tiles: a tile of the source and its image in the output both stay in L1. */
const TILE = 16;

/**
 * Below this many elements per matrix wasm's loop is faster (the matrix fits in cache, and
 * the JS loop costs more per element: 128×1024 takes 0.18 ms in wasm, 0.30 ms here).
 */
const MIN_ELEMENTS = 1 << 20;

/**
 * Transpose for wasm when the permutation swaps the last two axes (a matrix, or a batch of
 * them: what the BatchMatMul fix and the gradients of dense layers ask for), in JS over the
 * heap, tile by tile: faster than wasm 4.22's element-by-element loop once a matrix no
 * longer fits in cache (4096×1024: 18 ms instead of 28 ms). Smaller matrices, every other
 * permutation and other dtypes keep wasm's kernel.
 */
export function makeTranspose(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    if (x === undefined) throw new Error('Transpose: missing input x');
    const perm = (args.attrs?.['perm'] ?? []) as number[];
    const rank = x.shape.length;
    const swapsLastTwo =
      rank >= 2 && perm.length === rank && perm.every((p, i) => p === (i < rank - 2 ? i : i === rank - 2 ? rank - 1 : rank - 2));
    if (!swapsLastTwo || x.dtype !== 'float32') return original(args);
    const rows = x.shape[rank - 2] as number;
    const cols = x.shape[rank - 1] as number;
    if (rows * cols < MIN_ELEMENTS) return original(args);
    const wasm = asWasm(args.backend);
    const out = wasm.makeOutput(
      perm.map((p) => x.shape[p] as number),
      'float32',
    );
    // Views only after the allocation: makeOutput may grow (and detach) the heap.
    const src = wasm.typedArrayFromHeap(x) as Float32Array;
    const dst = wasm.typedArrayFromHeap(out) as Float32Array;
    const matrix = rows * cols;
    for (let base = 0; base < src.length; base += matrix) {
      for (let i0 = 0; i0 < rows; i0 += TILE) {
        const iEnd = Math.min(i0 + TILE, rows);
        for (let j0 = 0; j0 < cols; j0 += TILE) {
          const jEnd = Math.min(j0 + TILE, cols);
          for (let i = i0; i < iEnd; i++) {
            const from = base + i * cols;
            for (let j = j0; j < jEnd; j++) dst[base + j * rows + i] = src[from + j] as number;
          }
        }
      }
    }
    return out;
  };
}
