import * as tf from '@tensorflow/tfjs';
import type { TLayerSpec } from './layer-specs.read';
import { poolSwitches, unpool } from './pool-switches.compute';

type PoolSpec = Extract<TLayerSpec, { kind: 'maxPool2d' }>;

/**
 * A max-pool layer whose gradient goes to its switches (pool-switches.compute: the first
 * maximum of each window), the same positions the deconvnet unpools to. Gradient maps run
 * pools through this rather than TF.js's MaxPoolGrad because wasm's (4.22) starts each
 * window's maximum at FLT_MIN: a window whose values are all ≤ 0 (every window of ReLU
 * zeros) passes no gradient at all, and ties go to the last maximum. Backprop through a
 * ReLU hides that; Grad-CAM at a conv layer (gradients w.r.t. post-ReLU maps) does not.
 * The backward pass reads the input back (dataSync): fine for the batch of one that
 * gradient maps use, on the CPU-side backends the worker runs.
 */
export function switchMaxPool(spec: PoolSpec, x: tf.Tensor): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor4D, tf.GradSaveFunc];
    save([input]);
    const { size, strides } = spec.geometry;
    return {
      value: tf.maxPool(input, size, strides, spec.padding),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [forward] = saved;
        if (forward === undefined || Array.isArray(dy)) throw new Error('switchMaxPool: unexpected gradient arguments');
        const [n = 0, h, w, c] = forward.shape;
        const [, oh, ow] = dy.shape;
        const inSize = (h ?? 0) * (w ?? 0) * (c ?? 0);
        const outSize = (oh ?? 0) * (ow ?? 0) * (c ?? 0);
        const xs = forward.dataSync() as Float32Array;
        const gs = dy.dataSync() as Float32Array;
        const dx = new Float32Array(n * inSize);
        for (let b = 0; b < n; b++) {
          const switches = poolSwitches(
            xs.subarray(b * inSize, (b + 1) * inSize),
            [h ?? 0, w ?? 0, c ?? 0],
            [oh ?? 0, ow ?? 0, c ?? 0],
            spec.geometry,
          );
          dx.set(unpool(gs.subarray(b * outSize, (b + 1) * outSize), switches, inSize), b * inSize);
        }
        return tf.tensor4d(dx, forward.shape as [number, number, number, number]);
      },
    };
  });
  return op(x);
}
