import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/backend.select';

/**
 * wasm's own Conv2DBackpropInput, transposed BatchMatMul, MaxPoolGrad and Identity against
 * our fixes (backend/wasm-*.fix.ts), on the shapes a LeNet-5 step (batch 64) and an LSTM-256
 * step (batch 128) produce; for BatchMatMul also against the plain way (transpose the
 * operand, then multiply), the fix before wasm-matmul.fix.ts chose between two ways.
 * Conv2DBackpropFilter has no wasm original to compare with (it is missing), so
 * it is timed alone.
 *
 *   tsc -b && node dist/bench/wasm-kernels.bench.js
 */

const FIXED = ['Conv2DBackpropInput', 'BatchMatMul', 'MaxPoolGrad', 'Identity', 'Slice', 'SplitV', 'Tanh'] as const;

/** Best of `reps` (ms): on a machine shared with other work, interference only ever adds time. */
function timeMs(f: () => tf.Tensor, reps: number): number {
  tf.tidy(() => void f().dataSync()); // warm-up: XNNPACK operator creation
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    tf.tidy(() => void f().dataSync());
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function main(): Promise<void> {
  // Capture wasm's own kernels before initBackend replaces them.
  await import('@tensorflow/tfjs-backend-wasm');
  const originals = new Map(FIXED.map((name) => [name, tf.getKernel(name, 'wasm')]));
  await initBackend('wasm');
  const fixes = new Map(FIXED.map((name) => [name, tf.getKernel(name, 'wasm')]));
  const use = (which: 'original' | 'fix') => {
    for (const name of FIXED) {
      tf.unregisterKernel(name, 'wasm');
      tf.registerKernel((which === 'original' ? originals : fixes).get(name)!);
    }
  };

  const r = (shape: number[]) => tf.randomNormal(shape, 0, 1, 'float32', 1);
  const r4 = (shape: [number, number, number, number]) => tf.randomNormal<tf.Rank.R4>(shape, 0, 1, 'float32', 1);
  const conv2Dy = r4([64, 14, 14, 64]);
  const conv2W = r4([5, 5, 32, 64]);
  const conv1Dy = r4([64, 28, 28, 32]);
  const conv1X = r4([64, 28, 28, 1]);
  const conv2X = r4([64, 14, 14, 32]);
  const fc1X = r([64, 3136]);
  const fc1Dy = r([64, 1024]);
  const fc1W = r([3136, 1024]);
  const fc2W = r([1024, 10]);
  const fc2Dy = r([64, 10]);
  const cifarFc1W = r([4096, 1024]);
  const lstmDz = r([128, 1024]);
  const lstmU = r([256, 1024]);
  const lstmH = r([128, 256]);
  const pool1X = r4([64, 32, 32, 32]);
  const cases: Array<[string, () => tf.Tensor]> = [
    [
      'Conv2DBackpropInput conv2 (dy 64×14×14×64, W 5×5×32×64, same)',
      () => tf.conv2dTranspose(conv2Dy, conv2W, [64, 14, 14, 32], 1, 'same'),
    ],
    ['BatchMatMul fc1 dW = xᵀ·dy (3136×64 · 64×1024)', () => tf.matMul(fc1X, fc1Dy, true, false)],
    ['BatchMatMul fc1 dx = dy·Wᵀ (64×1024 · 1024×3136)', () => tf.matMul(fc1Dy, fc1W, false, true)],
    ['BatchMatMul fc2 dx = dy·Wᵀ (64×10 · 10×1024)', () => tf.matMul(fc2Dy, fc2W, false, true)],
    ['BatchMatMul CIFAR fc1 dx = dy·Wᵀ (64×1024 · 1024×4096)', () => tf.matMul(fc1Dy, cifarFc1W, false, true)],
    ['BatchMatMul LSTM-256 dh = dz·Uᵀ (128×1024 · 1024×256)', () => tf.matMul(lstmDz, lstmU, false, true)],
    [
      'MaxPoolGrad CIFAR pool1 (x 64×32×32×32, 2×2/2)',
      () => tf.grad((x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'))(pool1X),
    ],
    ['SplitV LSTM-256 gates (128×1024 → 4 × 128×256)', () => tf.addN(tf.split(lstmDz, 4, 1))],
    ['Tanh LSTM-256 cell (128×256)', () => tf.tanh(lstmH)],
    [
      'Identity ×100 (128×1024)',
      () => tf.add(...(Array.from({ length: 100 }, () => tf.clone(lstmDz)).slice(0, 2) as [tf.Tensor, tf.Tensor])),
    ],
  ];
  const reps = Number(process.env['BENCH_REPS']) || 10;
  console.log(`wasm kernels, ${reps} reps each (ms per call, output read back)`);
  for (const [label, f] of cases) {
    use('original');
    const before = timeMs(f, reps);
    use('fix');
    const after = timeMs(f, reps);
    console.log(`${label}: wasm ${before.toFixed(1)} ms → fix ${after.toFixed(1)} ms (${(before / after).toFixed(1)}×)`);
  }
  const plainWays: Array<[string, () => tf.Tensor, () => tf.Tensor]> = [
    ['CIFAR fc1 dx', () => tf.matMul(fc1Dy, tf.transpose(cifarFc1W)), () => tf.matMul(fc1Dy, cifarFc1W, false, true)],
    ['LSTM-256 dh', () => tf.matMul(lstmDz, tf.transpose(lstmU)), () => tf.matMul(lstmDz, lstmU, false, true)],
  ];
  for (const [label, plainWay, fixed] of plainWays) {
    const before = timeMs(plainWay, reps);
    const after = timeMs(fixed, reps);
    console.log(
      `BatchMatMul ${label}: transpose-then-multiply ${before.toFixed(1)} ms → fix ${after.toFixed(1)} ms (${(before / after).toFixed(1)}×)`,
    );
  }
  const filterGrad = (x: tf.Tensor4D, dy: tf.Tensor4D, shape: [number, number, number, number]) => () =>
    tf
      .engine()
      .runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: shape }) as tf.Tensor;
  console.log(
    `Conv2DBackpropFilter conv1 (x 64×28×28×1): fix ${timeMs(filterGrad(conv1X, conv1Dy, [5, 5, 1, 32]), reps).toFixed(1)} ms (no wasm original)`,
  );
  console.log(
    `Conv2DBackpropFilter conv2 (x 64×14×14×32): fix ${timeMs(filterGrad(conv2X, conv2Dy, [5, 5, 32, 64]), reps).toFixed(1)} ms (no wasm original)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
