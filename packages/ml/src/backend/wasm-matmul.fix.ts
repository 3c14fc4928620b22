import type * as tf from '@tensorflow/tfjs';
import { disposeInfos, transposeLastTwo } from './wasm-call.util';

type Info = tf.TensorInfo;

const size = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** True when every dimension before the last two is 1: the product is one matrix product. */
const single = (shape: readonly number[]) => shape.slice(0, -2).every((d) => d === 1);

/**
 * BatchMatMul with transposeA / transposeB for wasm. wasm 4.22 multiplies on XNNPACK's
 * GEMM only when neither operand is transposed and the batch is 1; otherwise it runs a
 * scalar loop 10–30× slower. So transposed operands are materialised first.
 *
 * Which ones: out = op(a)·op(b) can also be computed as (op(b)ᵀ·op(a)ᵀ)ᵀ, where op(b)ᵀ
 * is b itself when transposeB, and op(a)ᵀ is a itself when transposeA. XNNPACK packs its
 * right operand into its own layout on every call with a new buffer, so either way the
 * work beyond the GEMM is the elements transposed plus the elements packed. Picking the
 * cheaper way matters for a dense layer's input gradient dx = dy·Wᵀ: transposing W
 * (fc1 of LeNet CIFAR: 4096×1024) costs far more than transposing dy (64×1024) and the
 * 64×4096 result. Batched products (batch > 1) keep the plain way.
 */
export function makeBatchMatMul(original: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs = {} }) => {
    const a = inputs['a'];
    const b = inputs['b'];
    if (a === undefined || b === undefined) throw new Error('BatchMatMul: missing a or b');
    const transposeA = attrs['transposeA'] === true;
    const transposeB = attrs['transposeB'] === true;
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    const plain = { transposeA: false, transposeB: false };

    const [m = 0, n = 0] = [a.shape[a.shape.length - (transposeA ? 1 : 2)], b.shape[b.shape.length - (transposeB ? 2 : 1)]];
    const plainCost = (transposeA ? size(a.shape) : 0) + (transposeB ? size(b.shape) : 0) + size(b.shape);
    const swappedCost = (transposeB ? 0 : size(b.shape)) + (transposeA ? 0 : size(a.shape)) + size(a.shape) + m * n;
    if (single(a.shape) && single(b.shape) && swappedCost < plainCost) {
      // outᵀ = op(b)ᵀ · op(a)ᵀ, both untransposed for XNNPACK, then transpose the result back.
      const left = transposeB ? b : transposeLastTwo(backend, b);
      const right = transposeA ? a : transposeLastTwo(backend, a);
      const outT = original({ inputs: { a: left, b: right }, backend, attrs: plain });
      if (Array.isArray(outT)) throw new Error('BatchMatMul returned several outputs');
      if (!transposeB) disposeInfos(backend, left);
      if (!transposeA) disposeInfos(backend, right);
      const out: Info = transposeLastTwo(backend, outT);
      disposeInfos(backend, outT);
      return out;
    }
    const a2 = transposeA ? transposeLastTwo(backend, a) : a;
    const b2 = transposeB ? transposeLastTwo(backend, b) : b;
    const out = original({ inputs: { a: a2, b: b2 }, backend, attrs: plain });
    if (transposeA) disposeInfos(backend, a2);
    if (transposeB) disposeInfos(backend, b2);
    return out;
  };
}
