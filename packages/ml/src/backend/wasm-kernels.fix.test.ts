import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLenet5 } from '../models/lenet5.model';
import { initBackend } from './backend.select';
import { WASM_FIXED_KERNELS, registerWasmKernelFixes, wasmKernelFixesRegistered } from './wasm-kernels.fix';
import { randomValues } from './random-values.test-util';

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Runs `f` with fresh tensors on `backend` and returns its output as a plain array (all tensors released). */
async function on(backend: 'wasm' | 'cpu', f: () => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const out = tf.tidy(f);
  const values = (await out.data()) as Float32Array;
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

/**
 * Float32 sums of thousands of terms differ between two correct kernels by
 * ~1e-6 relative to the result's scale; a wrong index or padding gives O(1).
 */
function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  let maxDiff = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i] as number));
    maxDiff = Math.max(maxDiff, Math.abs((actual[i] as number) - (expected[i] as number)));
  }
  expect(scale).toBeGreaterThan(0);
  expect(maxDiff).toBeLessThanOrEqual(1e-4 * scale);
}

/** Copies must be exact, element for element. */
function expectSliceEqual(actual: Float32Array, expected: Float32Array): void {
  expect(Array.from(actual)).toEqual(Array.from(expected));
}

type Pad = 'same' | 'valid';
interface ConvCase {
  name: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  stride: number;
  pad: Pad;
}

const convCases: ConvCase[] = [
  { name: 'LeNet conv1 gray28', x: [8, 28, 28, 1], filter: [5, 5, 1, 32], stride: 1, pad: 'same' },
  { name: 'LeNet conv1 rgb32', x: [4, 32, 32, 3], filter: [5, 5, 3, 32], stride: 1, pad: 'same' },
  { name: 'LeNet conv2 gray28', x: [4, 14, 14, 32], filter: [5, 5, 32, 64], stride: 1, pad: 'same' },
  { name: 'valid, non-square', x: [3, 11, 9, 4], filter: [3, 5, 4, 6], stride: 1, pad: 'valid' },
  { name: 'same, even filter', x: [2, 7, 8, 3], filter: [4, 2, 3, 5], stride: 1, pad: 'same' },
  { name: 'stride 2 same', x: [3, 9, 11, 3], filter: [3, 4, 3, 5], stride: 2, pad: 'same' },
  { name: 'stride 2 valid', x: [3, 9, 11, 3], filter: [3, 4, 3, 5], stride: 2, pad: 'valid' },
];

function dyShape(c: ConvCase): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.stride, 1, c.pad);
  return info.outShape;
}

beforeAll(async () => {
  expect(await initBackend('wasm')).toBe('wasm');
});

describe('wasm kernel fixes', () => {
  it('are registered by initBackend, and registering again changes nothing', () => {
    expect(wasmKernelFixesRegistered()).toBe(true);
    const before = WASM_FIXED_KERNELS.map((k) => tf.getKernel(k, 'wasm').kernelFunc);
    registerWasmKernelFixes();
    const after = WASM_FIXED_KERNELS.map((k) => tf.getKernel(k, 'wasm').kernelFunc);
    expect(after).toEqual(before);
  });

  describe.each(convCases)('$name', (c) => {
    const x = randomValues(sizeOf(c.x), 1);
    const filter = randomValues(sizeOf(c.filter), 2);
    const dyDims = dyShape(c);
    const dy = randomValues(sizeOf(dyDims), 3);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC' as const };

    it('Conv2DBackpropFilter matches cpu', async () => {
      const run = () =>
        tf
          .engine()
          .runKernel(
            'Conv2DBackpropFilter',
            { x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, dyDims) },
            { ...attrs, filterShape: c.filter },
          ) as tf.Tensor;
      expectClose(await on('wasm', run), await on('cpu', run));
    });

    it('Conv2DBackpropInput matches cpu', async () => {
      const run = () =>
        tf
          .engine()
          .runKernel(
            'Conv2DBackpropInput',
            { dy: tf.tensor4d(dy, dyDims), filter: tf.tensor4d(filter, c.filter) },
            { ...attrs, inputShape: c.x },
          ) as tf.Tensor;
      expectClose(await on('wasm', run), await on('cpu', run));
    });
  });

  it('rejects what it does not implement instead of computing wrong numbers', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 6, 6, 2]);
    const dy = tf.zeros([1, 6, 6, 3]);
    expect(() =>
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 2, 3] }),
    ).toThrow(/NHWC/);
    expect(() =>
      tf
        .engine()
        .runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          { strides: 1, pad: 1, dataFormat: 'NHWC', dimRoundingMode: 'ceil', filterShape: [3, 3, 2, 3] },
        ),
    ).toThrow(/dimRoundingMode/);
    tf.dispose([x, dy]);
  });

  const matMulCases: Array<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [
    { a: [64, 3136], b: [64, 1024], transposeA: true, transposeB: false }, // fc1 dW = xᵀ·dy
    { a: [64, 10], b: [1024, 10], transposeA: false, transposeB: true }, // fc2 dx = dy·Wᵀ
    { a: [7, 5], b: [9, 7], transposeA: true, transposeB: true },
    { a: [2, 6, 4], b: [2, 5, 6], transposeA: true, transposeB: true },
    { a: [1, 6, 4], b: [3, 6, 5], transposeA: true, transposeB: false }, // broadcast batch
    { a: [4, 6], b: [6, 5], transposeA: false, transposeB: false },
    // Cheaper as (W·dyᵀ)ᵀ than transposing the big W: the swapped way (wasm-matmul.fix.ts).
    { a: [8, 64], b: [300, 64], transposeA: false, transposeB: true }, // dense dx = dy·Wᵀ
    { a: [1, 8, 64], b: [1, 300, 64], transposeA: false, transposeB: true },
    { a: [64, 8], b: [300, 64], transposeA: true, transposeB: true },
    // A 2048×1024 b under 128 rows of a: the swapped way for untransposed operands too.
    { a: [8, 2048], b: [2048, 1024], transposeA: false, transposeB: false },
  ];
  it.each(matMulCases)('BatchMatMul $a×$b (tA=$transposeA, tB=$transposeB) matches cpu', async ({ a, b, transposeA, transposeB }) => {
    const av = randomValues(sizeOf(a), 4);
    const bv = randomValues(sizeOf(b), 5);
    const run = () => tf.matMul(tf.tensor(av, a), tf.tensor(bv, b), transposeA, transposeB);
    expectClose(await on('wasm', run), await on('cpu', run));
  });

  it('multiplies by a large b the swapped way with bᵀ kept, and frees bᵀ with b', async () => {
    await tf.setBackend('wasm');
    const av = randomValues(8 * 2048, 15);
    const bv = randomValues(2048 * 1024, 16);
    const expected = await on('cpu', () => tf.matMul(tf.tensor(av, [8, 2048]), tf.tensor(bv, [2048, 1024])));
    await tf.setBackend('wasm');
    // The backend's own count: bᵀ is the backend's buffer, not a tensor the engine knows.
    const buffers = () => tf.backend().numDataIds();
    const before = buffers();
    const a = tf.tensor(av, [8, 2048]);
    const b = tf.tensor(bv, [2048, 1024]);
    const first = tf.matMul(a, b); // bᵀ made and kept
    const second = tf.matMul(a, b); // bᵀ reused
    const fused = tf.fused.matMul({ a, b }); // no bias, no activation: the same path
    expect(buffers()).toBe(before + 6); // a, b, three products, bᵀ
    for (const product of [first, second, fused]) expectClose((await product.data()) as Float32Array, expected);
    tf.dispose([a, b, first, second, fused]);
    expect(buffers()).toBe(before);
  });

  it('_FusedMatMul with a bias and an activation still fuses them', async () => {
    const av = randomValues(4 * 6, 17);
    const bv = randomValues(6 * 5, 18);
    const biasv = randomValues(5, 19);
    const run = () =>
      tf.fused.matMul({ a: tf.tensor(av, [4, 6]), b: tf.tensor(bv, [6, 5]), bias: tf.tensor(biasv, [5]), activation: 'relu' });
    expectClose(await on('wasm', run), await on('cpu', run));
  });

  const poolCases: Array<{ name: string; x: [number, number, number, number]; size: number; stride: number; pad: Pad }> = [
    { name: 'LeNet pool 2×2/2', x: [3, 8, 8, 5], size: 2, stride: 2, pad: 'valid' },
    { name: 'overlapping 3×3/2 same, odd sizes', x: [2, 7, 9, 3], size: 3, stride: 2, pad: 'same' },
    { name: '3×3/1 valid', x: [2, 6, 5, 2], size: 3, stride: 1, pad: 'valid' },
  ];
  describe.each(poolCases)('MaxPoolGrad $name', (c) => {
    const run = (x: Float32Array) => () => {
      const input = tf.tensor4d(x, c.x);
      const dy = tf.maxPool(input, c.size, c.stride, c.pad);
      const g = tf.tensor(randomValues(dy.size, 8), dy.shape);
      return tf
        .engine()
        .runKernel('MaxPoolGrad', { dy: g, input, output: dy }, { filterSize: c.size, strides: c.stride, pad: c.pad }) as tf.Tensor;
    };
    it('matches cpu', async () => {
      const x = randomValues(sizeOf(c.x), 7);
      expectClose(await on('wasm', run(x)), await on('cpu', run(x)));
    });
    it('breaks ties as cpu does (first maximum in the window), as after ReLU', async () => {
      // Quantised values, many of them 0: most windows hold a repeated maximum.
      const x = randomValues(sizeOf(c.x), 9).map((v) => Math.max(0, Math.round(v * 2)));
      expectClose(await on('wasm', run(x)), await on('cpu', run(x)));
    });
  });

  const sliceCases: Array<{ shape: number[]; begin: number[]; size: number[] }> = [
    { shape: [128, 1024], begin: [0, 256], size: [128, 256] }, // one LSTM gate
    { shape: [7], begin: [2], size: [4] },
    { shape: [4, 5, 6], begin: [1, 0, 0], size: [2, 5, 6] }, // contiguous
    { shape: [4, 5, 6], begin: [1, 2, 3], size: [2, 3, 2] },
    { shape: [3, 4, 5, 6], begin: [0, 1, 0, 0], size: [3, 2, 5, 6] }, // whole trailing axes join the run
    { shape: [2, 3, 4, 5, 6], begin: [1, 0, 2, 1, 3], size: [1, 3, 2, 4, 3] }, // rank 5
    { shape: [4, 5], begin: [0, 0], size: [4, 5] }, // all of it
    { shape: [4, 5], begin: [2, 1], size: [0, 3] }, // empty
  ];
  it.each(sliceCases)('Slice $shape at $begin size $size matches cpu', async ({ shape, begin, size }) => {
    const v = randomValues(sizeOf(shape), 10);
    expectSliceEqual(
      await on('wasm', () => tf.slice(tf.tensor(v, shape), begin, size)),
      await on('cpu', () => tf.slice(tf.tensor(v, shape), begin, size)),
    );
  });
  it('Slice of int32 keeps the dtype and values', async () => {
    const run = () => tf.slice(tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), [0, 1], [2, 2]);
    await tf.setBackend('wasm');
    const out = run();
    expect(out.dtype).toBe('int32');
    expect(Array.from(await out.data())).toEqual([2, 3, 5, 6]);
    out.dispose();
  });
  it('SplitV into uneven pieces along a middle axis matches cpu', async () => {
    const v = randomValues(3 * 10 * 4, 11);
    const run = () => tf.concat(tf.split(tf.tensor3d(v, [3, 10, 4]), [2, 5, 3], 1).map((piece) => piece.flatten()));
    expectSliceEqual(await on('wasm', run), await on('cpu', run));
  });

  it('Tanh stays within 2.5e-7 of cpu, across scales and at ±∞ and NaN', async () => {
    const v = Float32Array.from([
      ...Array.from(randomValues(4000, 12), (u, i) => u * 10 ** ((i % 9) - 6)),
      0,
      -0,
      20,
      -20,
      90,
      -90,
      Infinity,
      -Infinity,
      NaN,
    ]);
    const onWasm = await on('wasm', () => tf.tanh(tf.tensor(v)));
    const onCpu = await on('cpu', () => tf.tanh(tf.tensor(v)));
    expect(Number.isNaN(onWasm[v.length - 1])).toBe(true);
    for (let i = 0; i < v.length - 1; i++) expect(Math.abs(onWasm[i]! - onCpu[i]!)).toBeLessThanOrEqual(2.5e-7);
  });

  const transposeCases: Array<{ shape: number[]; perm: number[] }> = [
    { shape: [1031, 1029], perm: [1, 0] }, // over 2^20 elements, not a multiple of the tile
    { shape: [1, 1024, 1040], perm: [0, 2, 1] },
    { shape: [2, 1, 1030, 1024], perm: [0, 1, 3, 2] }, // a batch of matrices
    { shape: [37, 53], perm: [1, 0] }, // small: wasm's own
    { shape: [4, 3, 5, 2], perm: [3, 1, 2, 0] }, // any other permutation: wasm's own
  ];
  it.each(transposeCases)('Transpose $shape by $perm matches cpu', async ({ shape, perm }) => {
    const v = randomValues(sizeOf(shape), 14);
    const run = () => tf.transpose(tf.tensor(v, shape), perm);
    expectSliceEqual(await on('wasm', run), await on('cpu', run));
  });

  it('Identity shares its input, and each side survives the other being disposed', async () => {
    await tf.setBackend('wasm');
    const a = tf.tensor([1, 2, 3]);
    const b = tf.engine().runKernel('Identity', { x: a }, {}) as tf.Tensor;
    a.dispose();
    expect(Array.from(await b.data())).toEqual([1, 2, 3]);
    const c = tf.engine().runKernel('Identity', { x: b }, {}) as tf.Tensor;
    b.dispose();
    expect(Array.from(await c.data())).toEqual([1, 2, 3]);
    c.dispose();
  });

  it("gives LeNet's gradients on wasm equal to cpu's", async () => {
    // One set of weights for both backends; a batch of 4 keeps the cpu side fast.
    const x = randomValues(4 * 28 * 28, 6);
    const labels = [3, 1, 4, 1];
    const grads = async (backend: 'wasm' | 'cpu'): Promise<Float32Array[]> => {
      await tf.setBackend(backend);
      const model = buildLenet5({ variant: 'cifar-gray28', seed: 11 });
      const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads: g } = tf.variableGrads(() => {
        const logits = model.apply(tf.tensor4d(x, [4, 28, 28, 1])) as tf.Tensor2D;
        return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits) as tf.Scalar;
      }, weights);
      const out = await Promise.all(weights.map(async (w) => (await g[w.name]!.data()) as Float32Array));
      tf.dispose(Object.values(g));
      model.dispose();
      return out;
    };
    const onWasm = await grads('wasm');
    const onCpu = await grads('cpu');
    expect(onWasm.length).toBe(8);
    onWasm.forEach((g, i) => expectClose(g, onCpu[i]!));
  });
});
