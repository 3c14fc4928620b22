import type * as tf from '@tensorflow/tfjs';
import { disposeInfos, transposeLastTwo } from './wasm-call.util';

type Info = tf.TensorInfo;

const size = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** True when every dimension before the last two is 1: the product is one matrix product. */
const single = (shape: readonly number[]) => shape.slice(0, -2).every((d) => d === 1);

/**
 * b buffers already multiplied untransposed: from the second use on XNNPACK packs such a b
 * once and keeps the operator, so multiplying by it again costs only the GEMM (an LSTM's
 * recurrent kernel, 28 time steps a batch). Weak: an entry goes with its buffer's dataId.
 */
const packed = new WeakSet<object>();

/** Fresh b at least this large, with at most this many rows of a: the swapped way (below). */
const FRESH_SWAP_MIN_B = 1 << 20;
const FRESH_SWAP_MAX_ROWS = 128;

/** outᵀ = op(b)ᵀ · op(a)ᵀ, both untransposed for XNNPACK, then the result transposed back. */
function swapped(
  original: tf.KernelFunc,
  backend: Parameters<tf.KernelFunc>[0]['backend'],
  a: Info,
  b: Info,
  transposeA: boolean,
  transposeB: boolean,
): Info {
  const left = transposeB ? b : transposeLastTwo(backend, b);
  const right = transposeA ? a : transposeLastTwo(backend, a);
  const outT = original({ inputs: { a: left, b: right }, backend, attrs: { transposeA: false, transposeB: false } });
  if (Array.isArray(outT)) throw new Error('BatchMatMul returned several outputs');
  if (!transposeB) disposeInfos(backend, left);
  if (!transposeA) disposeInfos(backend, right);
  const out = transposeLastTwo(backend, outT);
  disposeInfos(backend, outT);
  return out;
}

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
 *
 * Untransposed, the swapped way also wins once for a dense layer's forward pass in
 * training: its weights are new at every step (after the update), so XNNPACK would pack all
 * of them for a product with few rows (fc1: 64 × 4096·1024); transposing them and
 * multiplying the other way round costs about 40 % less.
 */
export function makeBatchMatMul(original: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs = {} }) => {
    const a = inputs['a'];
    const b = inputs['b'];
    if (a === undefined || b === undefined) throw new Error('BatchMatMul: missing a or b');
    const transposeA = attrs['transposeA'] === true;
    const transposeB = attrs['transposeB'] === true;
    const plain = { transposeA: false, transposeB: false };
    const m = a.shape[a.shape.length - (transposeA ? 1 : 2)] ?? 0;
    const n = b.shape[b.shape.length - (transposeB ? 2 : 1)] ?? 0;
    const one = single(a.shape) && single(b.shape);

    if (!transposeA && !transposeB) {
      // Seen once, b is taken to be reused (a recurrent kernel): from then on the plain way,
      // where XNNPACK packs it once and keeps it.
      const fresh = !packed.has(b.dataId);
      packed.add(b.dataId);
      if (one && fresh && m <= FRESH_SWAP_MAX_ROWS && size(b.shape) >= FRESH_SWAP_MIN_B) {
        return swapped(original, backend, a, b, false, false);
      }
      return original({ inputs, backend, attrs });
    }

    const plainCost = (transposeA ? size(a.shape) : 0) + (transposeB ? size(b.shape) : 0) + size(b.shape);
    const swappedCost = (transposeB ? 0 : size(b.shape)) + (transposeA ? 0 : size(a.shape)) + size(a.shape) + m * n;
    if (one && swappedCost < plainCost) return swapped(original, backend, a, b, transposeA, transposeB);
    const a2 = transposeA ? transposeLastTwo(backend, a) : a;
    const b2 = transposeB ? transposeLastTwo(backend, b) : b;
    const out = original({ inputs: { a: a2, b: b2 }, backend, attrs: plain });
    if (transposeA) disposeInfos(backend, a2);
    if (transposeB) disposeInfos(backend, b2);
    return out;
  };
}
