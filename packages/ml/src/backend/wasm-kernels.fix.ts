import * as tf from '@tensorflow/tfjs';
import type { KernelBackend } from './wasm-backend.types';
import { callWasm, disposeInfos } from './wasm-call.util';
import { makeIdentity } from './wasm-identity.fix';
import { makeBatchMatMul, makeFusedMatMul } from './wasm-matmul.fix';
import { maxPoolGrad } from './wasm-maxpool-grad.fix';
import { makeSlice, makeSplitV } from './wasm-slice.fix';
import { makeTanh } from './wasm-tanh.fix';
import { makeTranspose } from './wasm-transpose.fix';

/**
 * Kernel fixes for @tensorflow/tfjs-backend-wasm 4.22 so that conv nets train on it
 * at a usable speed. Every fix is a composition of kernels wasm already registers
 * (Transpose, Reverse, Reshape, PadV2, Slice, Conv2D, BatchMatMul), called directly
 * with the backend's own TensorInfo plumbing, so no C++ is involved and each
 * intermediate is released with `backend.disposeData` as soon as it is consumed.
 *
 * 1. Conv2DBackpropFilter is not registered at all: training a conv net throws.
 * 2. Conv2DBackpropInput exists but is a naive loop; a forward Conv2D (XNNPACK) over
 *    the zero-dilated `dy` with the flipped, in/out-swapped filter is ~10× faster.
 * 3. BatchMatMul with transposeA/transposeB is 10–30× slower than transposing the
 *    operand first and multiplying untransposed (dense-layer gradients hit this):
 *    wasm-matmul.fix.ts, which also picks the cheaper of two ways to transpose, keeps
 *    bᵀ of a large b multiplied again (an LSTM's recurrent kernel), and takes
 *    _FusedMatMul without bias or activation through the same path.
 *
 * Speed fixes (issue #12), each in its own file: Identity shares its input's buffer
 * instead of copying it (wasm-identity.fix.ts); MaxPoolGrad scans each window once in
 * JS over the wasm heap (wasm-maxpool-grad.fix.ts); Slice and SplitV copy from a heap
 * view instead of a copy of the whole input (wasm-slice.fix.ts); Tanh goes through
 * XNNPACK's Sigmoid (wasm-tanh.fix.ts); a matrix Transpose goes tile by tile in JS
 * (wasm-transpose.fix.ts).
 */

const BACKEND = 'wasm';

/** Marks our kernel functions so that a second registration is a no-op. */
const FIX_MARK = Symbol.for('tensorscope.wasmKernelFix');

type Info = tf.TensorInfo;
type Attrs = tf.NamedAttrMap;
type PadAttr = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: KernelBackend;
  attrs?: Attrs;
}

/** Wasm's forward Conv2D at stride 1 with explicit [top, bottom, left, right] padding: both gradients are built on it. */
function stride1Conv(
  backend: KernelBackend,
  x: Info,
  filter: Info,
  [top, bottom, left, right]: readonly [number, number, number, number],
  dilations: [number, number],
): Info {
  const pad = [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  return callWasm('Conv2D', backend, { x, filter }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations });
}

function requireInput(inputs: tf.NamedTensorInfoMap, name: string): Info {
  const t = inputs[name];
  if (t === undefined) throw new Error(`missing input ${name}`);
  return t;
}

function pair(v: number | readonly number[]): [number, number] {
  if (typeof v === 'number') return [v, v];
  const [a, b] = v;
  if (a === undefined || b === undefined) throw new Error(`expected a pair, got [${v.join(',')}]`);
  return [a, b];
}

function dims4(shape: readonly number[], what: string): [number, number, number, number] {
  const [a, b, c, d] = shape;
  if (shape.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined) {
    throw new Error(`${what} must be rank 4, got [${shape.join(',')}]`);
  }
  return [a, b, c, d];
}

/** Rejects what these compositions do not implement, instead of computing wrong numbers. */
function checkConvAttrs(kernel: string, attrs: Attrs): void {
  if (attrs['dataFormat'] !== undefined && attrs['dataFormat'] !== 'NHWC') {
    throw new Error(`${kernel} (wasm fix): only dataFormat NHWC is supported, got ${String(attrs['dataFormat'])}`);
  }
  if (attrs['dimRoundingMode'] !== undefined && attrs['dimRoundingMode'] !== null) {
    throw new Error(`${kernel} (wasm fix): dimRoundingMode is not supported, got ${String(attrs['dimRoundingMode'])}`);
  }
}

/**
 * dW[i,j,ci,co] = Σ_{n,oh,ow} x[n, oh·s + i − top, ow·s + j − left, ci] · dy[n,oh,ow,co].
 * Read as a convolution: batch ← ci, channels ← n, filter ← dy (spatial Ho×Wo,
 * in n, out co) dilated by the forward stride s; the output is [Cin, ≥fh, ≥fw, Cout].
 * Gradients of conv2d in tfjs never carry dilations (it asserts they are 1).
 */
function conv2DBackpropFilter({ inputs, backend, attrs = {} }: KernelArgs): Info {
  checkConvAttrs('Conv2DBackpropFilter', attrs);
  const x = requireInput(inputs, 'x');
  const dy = requireInput(inputs, 'dy');
  const filterShape = dims4(attrs['filterShape'] as number[], 'filterShape');
  const [fh, fw, cin, cout] = filterShape;
  const [sh, sw] = pair(attrs['strides'] as number | number[]);
  const info = tf.backend_util.computeConv2DInfo(
    dims4(x.shape, 'x'),
    filterShape,
    [sh, sw],
    1,
    attrs['pad'] as PadAttr,
    undefined,
    false,
    'channelsLast',
  );
  const { top, bottom, left, right } = info.padInfo;
  const [, ho, wo] = dims4(dy.shape, 'dy');
  if (ho !== info.outHeight || wo !== info.outWidth) {
    throw new Error(`Conv2DBackpropFilter (wasm fix): dy is ${ho}×${wo}, expected ${info.outHeight}×${info.outWidth}`);
  }
  const [, h, w] = info.inShape;
  const outH = h + top + bottom - ((ho - 1) * sh + 1) + 1;
  const outW = w + left + right - ((wo - 1) * sw + 1) + 1;
  if (outH < fh || outW < fw) {
    throw new Error(`Conv2DBackpropFilter (wasm fix): padding ${JSON.stringify(info.padInfo)} is not supported`);
  }

  const xT = callWasm('Transpose', backend, { x }, { perm: [3, 1, 2, 0] }); // [Cin,H,W,N]
  const dyT = callWasm('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] }); // [Ho,Wo,N,Cout]
  const conv = stride1Conv(backend, xT, dyT, [top, bottom, left, right], [sh, sw]); // [Cin,outH,outW,Cout]
  disposeInfos(backend, xT, dyT);
  let cropped = conv;
  if (outH !== fh || outW !== fw) {
    // Rows past fh only appear when the stride skipped the input's tail: not part of dW.
    cropped = callWasm('Slice', backend, { x: conv }, { begin: [0, 0, 0, 0], size: [cin, fh, fw, cout] });
    disposeInfos(backend, conv);
  }
  const dW = callWasm('Transpose', backend, { x: cropped }, { perm: [1, 2, 0, 3] }); // [fh,fw,Cin,Cout]
  disposeInfos(backend, cropped);
  return dW;
}

/**
 * dx[n,h,w,ci] = Σ_{i,j,co} dy[n,oh,ow,co] · W[i,j,ci,co] with h = oh·s + i − top.
 * Insert s−1 zeros between dy's rows/columns, then it is a stride-1 forward conv with
 * W flipped in space and its in/out channels swapped, padded by fh−1−top before.
 */
function conv2DBackpropInput({ inputs, backend, attrs = {} }: KernelArgs): Info {
  checkConvAttrs('Conv2DBackpropInput', attrs);
  const dy = requireInput(inputs, 'dy');
  const filter = requireInput(inputs, 'filter');
  const inputShape = dims4(attrs['inputShape'] as number[], 'inputShape');
  const [fh, fw] = dims4(filter.shape, 'filter');
  const [sh, sw] = pair(attrs['strides'] as number | number[]);
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    dims4(filter.shape, 'filter'),
    [sh, sw],
    1,
    attrs['pad'] as PadAttr,
    undefined,
    false,
    'channelsLast',
  );
  const [n, ho, wo, cout] = dims4(dy.shape, 'dy');
  const [, h, w] = inputShape;
  const dilH = (ho - 1) * sh + 1;
  const dilW = (wo - 1) * sw + 1;
  const padTop = fh - 1 - info.padInfo.top;
  const padLeft = fw - 1 - info.padInfo.left;
  const padBottom = h + fh - 1 - padTop - dilH;
  const padRight = w + fw - 1 - padLeft - dilW;
  if (Math.min(padTop, padLeft, padBottom, padRight) < 0) {
    throw new Error(`Conv2DBackpropInput (wasm fix): padding ${JSON.stringify(info.padInfo)} is not supported`);
  }

  let dyDil = dy;
  let owned = false;
  if (sh > 1 || sw > 1) {
    // Zero-dilate: view dy as [N,Ho,1,Wo,1,C], pad each singleton to the stride, crop the tail.
    const r6 = callWasm('Reshape', backend, { x: dy }, { shape: [n, ho, 1, wo, 1, cout] });
    const padded = callWasm(
      'PadV2',
      backend,
      { x: r6 },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, sh - 1],
          [0, 0],
          [0, sw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    const r4 = callWasm('Reshape', backend, { x: padded }, { shape: [n, ho * sh, wo * sw, cout] });
    dyDil = callWasm('Slice', backend, { x: r4 }, { begin: [0, 0, 0, 0], size: [n, dilH, dilW, cout] });
    disposeInfos(backend, r6, padded, r4);
    owned = true;
  }
  const flipped = callWasm('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const swapped = callWasm('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] }); // [fh,fw,Cout,Cin]
  disposeInfos(backend, flipped);
  const dx = stride1Conv(backend, dyDil, swapped, [padTop, padBottom, padLeft, padRight], [1, 1]);
  disposeInfos(backend, swapped);
  if (owned) disposeInfos(backend, dyDil);
  return dx;
}

function mark(fn: tf.KernelFunc): tf.KernelFunc {
  Object.defineProperty(fn, FIX_MARK, { value: true });
  return fn;
}

function isFix(config: tf.KernelConfig | undefined): boolean {
  return config !== undefined && (config.kernelFunc as unknown as Record<symbol, unknown>)[FIX_MARK] === true;
}

/** Replaces (or adds) one wasm kernel, keeping the original's setup so a backend re-init still wires its C++. */
function replace(kernelName: string, kernelFunc: tf.KernelFunc, previous: tf.KernelConfig | undefined): void {
  if (previous !== undefined) tf.unregisterKernel(kernelName, BACKEND);
  const config: tf.KernelConfig = { kernelName, backendName: BACKEND, kernelFunc: mark(kernelFunc) };
  if (previous?.setupFunc !== undefined) config.setupFunc = previous.setupFunc;
  if (previous?.disposeFunc !== undefined) config.disposeFunc = previous.disposeFunc;
  tf.registerKernel(config);
}

/** Every kernel this module replaces on wasm (correctness and speed fixes alike). */
export const WASM_FIXED_KERNELS = [
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'BatchMatMul',
  '_FusedMatMul',
  'Identity',
  'MaxPoolGrad',
  'Slice',
  'SplitV',
  'Tanh',
] as const;

/**
 * Registers the fixes on the wasm backend. Idempotent. Must run after
 * @tensorflow/tfjs-backend-wasm is imported (its kernels are what we compose);
 * works before or after `tf.setBackend('wasm')` because kernels are looked up per call.
 */
export function registerWasmKernelFixes(): void {
  const required = [
    'Conv2D',
    'Transpose',
    'Reverse',
    'Reshape',
    'PadV2',
    'Slice',
    'SplitV',
    'BatchMatMul',
    '_FusedMatMul',
    'Identity',
    'MaxPoolGrad',
    'Tanh',
    'Sigmoid',
  ];
  const missing = required.filter((name) => tf.getKernel(name, BACKEND) === undefined);
  if (missing.length > 0) {
    throw new Error(`wasm kernels missing (${missing.join(', ')}): import @tensorflow/tfjs-backend-wasm first`);
  }

  const filterConfig = tf.getKernel('Conv2DBackpropFilter', BACKEND);
  if (!isFix(filterConfig)) replace('Conv2DBackpropFilter', conv2DBackpropFilter, filterConfig);

  const inputConfig = tf.getKernel('Conv2DBackpropInput', BACKEND);
  if (!isFix(inputConfig)) replace('Conv2DBackpropInput', conv2DBackpropInput, inputConfig);

  const matMulConfig = tf.getKernel('BatchMatMul', BACKEND);
  if (matMulConfig !== undefined && !isFix(matMulConfig)) {
    replace('BatchMatMul', makeBatchMatMul(matMulConfig.kernelFunc), matMulConfig);
  }
  const fusedConfig = tf.getKernel('_FusedMatMul', BACKEND);
  const fixedMatMul = tf.getKernel('BatchMatMul', BACKEND);
  if (fusedConfig !== undefined && fixedMatMul !== undefined && !isFix(fusedConfig)) {
    replace('_FusedMatMul', makeFusedMatMul(fusedConfig.kernelFunc, fixedMatMul.kernelFunc), fusedConfig);
  }

  const maxPoolGradConfig = tf.getKernel('MaxPoolGrad', BACKEND);
  if (!isFix(maxPoolGradConfig)) replace('MaxPoolGrad', maxPoolGrad, maxPoolGradConfig);

  // Wrapping the originals that the required-list check above guarantees.
  for (const [name, make] of [
    ['Identity', makeIdentity],
    ['Slice', makeSlice],
    ['SplitV', makeSplitV],
    ['Tanh', makeTanh],
    ['Transpose', makeTranspose],
  ] as const) {
    const config = tf.getKernel(name, BACKEND);
    if (config !== undefined && !isFix(config)) replace(name, make(config.kernelFunc), config);
  }
}

/** True when all fixes are the wasm kernels in the registry (for logs and tests). */
export function wasmKernelFixesRegistered(): boolean {
  return WASM_FIXED_KERNELS.every((name) => isFix(tf.getKernel(name, BACKEND)));
}
