import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { initBackend } from '../backend/backend.select';
import { wasmKernelFixesRegistered } from '../backend/wasm-kernels.fix';
import { buildModel, type TModelConfig } from '../models/model.build';
import { createOptimizer } from '../models/optimizer.factory';
import { createTrainStep } from './train-step';
import { randomValues } from '../backend/random-values.test-util';

/**
 * The numerics guard for the wasm speed kernels (backend/wasm-*.fix.ts): a fixed small run
 * (fixed seeds, fixed inputs, Adam) gives the same losses, to float tolerance, on wasm with
 * every fix as on a reference: wasm with its own 4.22 kernels put back in place of the speed
 * fixes (LeNet: TF.js's cpu backend needs minutes for it on a busy 2-core machine; the conv
 * gradient fixes, which have no wasm original, are checked against cpu in
 * wasm-kernels.fix.test.ts), and TF.js's cpu kernels (LSTM). Three steps, so the second and
 * third losses also check that the updates, i.e. the gradients through every fixed kernel,
 * agree.
 */

/** The fixes that replace a working wasm kernel for speed only; the rest have no wasm original. */
const SPEED_FIXED = ['BatchMatMul', 'Identity', 'MaxPoolGrad', 'Slice', 'SplitV', 'Tanh', 'Transpose'] as const;
const originals = new Map<string, tf.KernelConfig>();

/** Runs f with wasm's own kernels in place of the speed fixes, then puts the fixes back. */
async function withWasmOriginals<T>(f: () => Promise<T>): Promise<T> {
  const fixes = SPEED_FIXED.map((name) => tf.getKernel(name, 'wasm'));
  const swap = (configs: Array<tf.KernelConfig | undefined>) =>
    configs.forEach((config, i) => {
      if (config === undefined) throw new Error(`no wasm kernel ${SPEED_FIXED[i]}`);
      tf.unregisterKernel(config.kernelName, 'wasm');
      tf.registerKernel(config);
    });
  swap(SPEED_FIXED.map((name) => originals.get(name)));
  try {
    return await f();
  } finally {
    swap(fixes);
  }
}

async function losses(backend: 'wasm' | 'cpu', config: TModelConfig, shape: [number, number, number, number]): Promise<number[]> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const model = buildModel(config);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3 });
  const step = createTrainStep(model, optimizer);
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const x = tf.tensor4d(
      randomValues(
        shape.reduce((a, b) => a * b, 1),
        100 + i,
      ),
      shape,
    );
    const labels = Array.from({ length: shape[0] }, (_, k) => (k * 7 + i) % 10);
    const y = tf.tidy(() => tf.oneHot(labels, 10).toFloat() as tf.Tensor2D);
    out.push((await step(x, y)).loss);
    tf.dispose([x, y]);
  }
  optimizer.dispose();
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

function expectSameLosses(wasm: number[], cpu: number[]): void {
  expect(wasm).toHaveLength(cpu.length);
  // Float32 sums in another order move a loss of ~2.3 by ~1e-6; a wrong gradient moves steps 2–3 by far more.
  wasm.forEach((l, i) => expect(Math.abs(l - cpu[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(cpu[i]!))));
  // The run must learn something, or equal losses would prove little.
  expect(cpu[0]).not.toBeCloseTo(cpu[2]!, 3);
}

beforeAll(async () => {
  await import('@tensorflow/tfjs-backend-wasm'); // its kernels, before initBackend replaces some
  for (const name of SPEED_FIXED) originals.set(name, tf.getKernel(name, 'wasm'));
  expect(await initBackend('wasm')).toBe('wasm');
  expect(wasmKernelFixesRegistered()).toBe(true);
});

it("LeNet-5 CIFAR-RGB: 3 Adam steps give the same losses with the speed kernels as with wasm's own", async () => {
  const config: TModelConfig = { model: 'lenet5', variant: 'cifar-rgb32', seed: 5 };
  const fixed = await losses('wasm', config, [8, 32, 32, 3]);
  const reference = await withWasmOriginals(() => losses('wasm', config, [8, 32, 32, 3]));
  console.log(`LeNet losses fixed ${fixed.join(', ')} / wasm's own kernels ${reference.join(', ')}`);
  expectSameLosses(fixed, reference);
});

it("LSTM-32 on MNIST rows: 3 Adam steps give the same losses with the speed kernels as with wasm's own", async () => {
  const config: TModelConfig = { model: 'lstm', hiddenSize: 32, layers: 1, dropout: 0, seed: 5 };
  const fixed = await losses('wasm', config, [8, 28, 28, 1]);
  const reference = await withWasmOriginals(() => losses('wasm', config, [8, 28, 28, 1]));
  expectSameLosses(fixed, reference);
});

it('LSTM-32 on MNIST rows: 3 Adam steps give the same losses on wasm (speed kernels) as on cpu', async () => {
  const config: TModelConfig = { model: 'lstm', hiddenSize: 32, layers: 1, dropout: 0, seed: 5 };
  const onWasm = await losses('wasm', config, [8, 28, 28, 1]);
  const onCpu = await losses('cpu', config, [8, 28, 28, 1]);
  console.log(`LSTM losses wasm ${onWasm.join(', ')} / cpu ${onCpu.join(', ')}`);
  expectSameLosses(onWasm, onCpu);
});
