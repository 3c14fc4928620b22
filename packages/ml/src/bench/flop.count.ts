import type * as tf from '@tensorflow/tfjs';

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Multiply-add FLOPs (2 per MAC) of the kernels that carry a train step's arithmetic:
 * convolutions and matrix products. Elementwise work (activations, Adam) is left out: it is
 * memory-bound and small next to these, so GFLOP/s from this count compares with a matmul peak.
 * 0 for every other kernel.
 */
export function kernelFlops(kernelName: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap, out: tf.TensorInfo): number {
  switch (kernelName) {
    case 'Conv2D':
    case 'FusedConv2D': {
      const [fh = 0, fw = 0, cin = 0] = inputs['filter']?.shape ?? [];
      return 2 * size(out.shape) * fh * fw * cin;
    }
    case 'BatchMatMul':
    case '_FusedMatMul': {
      const a = inputs['a']?.shape ?? [];
      const k = attrs['transposeA'] === true ? a[a.length - 2] : a[a.length - 1];
      return 2 * size(out.shape) * (k ?? 0);
    }
    default:
      return 0;
  }
}
