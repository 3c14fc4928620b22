import * as tf from '@tensorflow/tfjs';
import { asWasm } from './wasm-backend.types';

/**
 * MaxPoolGrad for wasm, in JS over the wasm heap: wasm 4.22's C++ version visits, for every
 * input pixel, every output whose window covers it (~95 ms of a ~600 ms LeNet CIFAR step).
 * Here each output window is scanned once for its arg-max and dy is added there: one pass
 * over x and one over dy.
 *
 * Same answer as tfjs's cpu kernel, tie for tie: the arg-max is the first maximum in
 * row-major window order (strict `>` from −∞), padded positions never win, and a window
 * with no value above −∞ (all NaN or −∞) passes no gradient.
 */
export function maxPoolGrad({ inputs, backend, attrs = {} }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const dy = inputs['dy'];
  const input = inputs['input'];
  if (dy === undefined || input === undefined) throw new Error('MaxPoolGrad: missing dy or input');
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('MaxPoolGrad (wasm fix): float32 only');
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs['filterSize'] as [number, number] | number,
    attrs['strides'] as [number, number] | number,
    1,
    attrs['pad'] as 'valid' | 'same' | number,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
  );
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw, dilationHeight, dilationWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;

  const wasm = asWasm(backend);
  const out = wasm.makeOutput([...input.shape], 'float32');
  // Views only after the allocation: makeOutput may grow (and detach) the heap.
  const dx = wasm.typedArrayFromHeap(out) as Float32Array;
  const x = wasm.typedArrayFromHeap(input) as Float32Array;
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);
  const rowStride = inWidth * c;
  const imageStride = inHeight * rowStride;
  let o = 0; // index into dy: [b, yR, yC, d] in NHWC order
  for (let b = 0; b < batchSize; b++) {
    const imageBase = b * imageStride;
    for (let yR = 0; yR < outHeight; yR++) {
      const rStart = yR * strideHeight - top;
      for (let yC = 0; yC < outWidth; yC++) {
        const cStart = yC * strideWidth - left;
        for (let d = 0; d < c; d++, o++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let wR = 0; wR < fh; wR += dilationHeight) {
            const xR = rStart + wR;
            if (xR < 0 || xR >= inHeight) continue;
            const rowBase = imageBase + xR * rowStride + d;
            for (let wC = 0; wC < fw; wC += dilationWidth) {
              const xC = cStart + wC;
              if (xC < 0 || xC >= inWidth) continue;
              const i = rowBase + xC * c;
              const v = x[i] as number;
              if (v > best) {
                best = v;
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] = (dx[at] as number) + (g[o] as number);
        }
      }
    }
  }
  return out;
}
