import type * as tf from '@tensorflow/tfjs';
import { asWasm } from './wasm-backend.types';
import { disposeInfos, transposeLastTwo } from './wasm-call.util';

type Info = tf.TensorInfo;

const size = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** True when every dimension before the last two is 1: the product is one matrix product. */
const single = (shape: readonly number[]) => shape.slice(0, -2).every((d) => d === 1);

/**
 * A large b under few rows of a (untransposed) is multiplied the swapped way, (bᵀ·aᵀ)ᵀ, with bᵀ
 * made once per b and kept until b's buffer is freed: an LSTM-1024's recurrent kernel
 * (1024×4096) is multiplied 28 times a step (once per row of the image) and replaced only by the
 * update. Measured on wasm: h·R at 128×1024×4096 takes 50–72 ms the plain way (XNNPACK packing R
 * once and keeping it) and 42–54 ms swapped with Rᵀ kept (64 rows: 35 → 27 ms; 32 rows: 14.5 →
 * 10.4). Below ~2M elements of b the plain way wins (b fits the caches: 512×2048 at 64 rows,
 * 4.3 vs 5.5 ms), so smaller b stay plain. A dense layer's forward pass in training (fc1 of
 * LeNet, 4096×1024, new weights every step, used once) pays the one transpose, as before this
 * cache: about 40 % less than XNNPACK packing all of them for 64 rows.
 */
const SWAP_MIN_B = 2 << 20;
const SWAP_MAX_ROWS = 128;

/** bᵀ by b's buffer (dataId), dropped with it (see keepTransposed). */
const transposedOf = new WeakMap<object, Info>();
const hookedBackends = new WeakSet<object>();

/**
 * bᵀ, made now or kept from an earlier product by the same b. The first time a backend is seen,
 * its disposeData is wrapped so that the moment b's buffer is freed, so is its kept bᵀ (tfjs
 * never changes a buffer's values in place: a variable's update is a new dataId).
 */
function keptTransposed(backend: Parameters<tf.KernelFunc>[0]['backend'], b: Info): Info {
  const wasm = asWasm(backend);
  if (!hookedBackends.has(wasm)) {
    hookedBackends.add(wasm);
    const dispose = wasm.disposeData.bind(wasm);
    wasm.disposeData = (dataId: object, force?: boolean) => {
      const freed = dispose(dataId, force);
      const kept = transposedOf.get(dataId);
      if (kept !== undefined && wasm.refCount(dataId) === 0) {
        transposedOf.delete(dataId);
        dispose(kept.dataId, true);
      }
      return freed;
    };
  }
  let bt = transposedOf.get(b.dataId);
  if (bt === undefined) {
    bt = transposeLastTwo(backend, b);
    transposedOf.set(b.dataId, bt);
  }
  return bt;
}

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
 * Untransposed, a large b under few rows goes the swapped way too, with bᵀ kept (above).
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
      if (one && m <= SWAP_MAX_ROWS && size(b.shape) >= SWAP_MIN_B) {
        // a·b = a·(bᵀ)ᵀ: the swapped way on the kept bᵀ, which it neither transposes nor frees.
        return swapped(original, backend, a, keptTransposed(backend, b), false, true);
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

/**
 * _FusedMatMul without bias or activation is a plain product: it goes through the BatchMatMul fix
 * (tf.layers' recurrent cells multiply h·R this way, 28 times a step for MNIST rows, and add the
 * bias apart). With a bias or an activation the original runs, fused.
 */
export function makeFusedMatMul(original: tf.KernelFunc, batchMatMul: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { inputs, attrs = {} } = args;
    const a = inputs['a'];
    const b = inputs['b'];
    const activation = attrs['activation'];
    const plainProduct =
      inputs['bias'] === undefined &&
      inputs['preluActivationWeights'] === undefined &&
      (activation === undefined || activation === null || activation === 'linear');
    if (!plainProduct || a === undefined || b === undefined) return original(args);
    return batchMatMul({
      ...args,
      inputs: { a, b },
      attrs: { transposeA: attrs['transposeA'] === true, transposeB: attrs['transposeB'] === true },
    });
  };
}
