import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BACKENDS } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { activeBackend, initBackend, skippedBackends } from './backend.select';
import { wasmKernelFixesRegistered } from './wasm-kernels.fix';

/** Whether a tfjs-node flavour could load here (its native addon was built at install). */
function addonBuilt(pkg: string): boolean {
  try {
    const lib = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'lib');
    return fs.readdirSync(lib).some((d) => fs.existsSync(path.join(lib, d, 'tfjs_binding.node')));
  } catch {
    return false;
  }
}
const nodeBuilt = addonBuilt('@tensorflow/tfjs-node');
const nodeGpuBuilt = addonBuilt('@tensorflow/tfjs-node-gpu');

describe('initBackend', () => {
  it("'auto' takes the first candidate that initialises, never cpu while wasm works, and says why it skipped the others", async () => {
    const chosen = await initBackend('auto');
    expect(['tensorflow-gpu', 'tensorflow', 'wasm']).toContain(chosen);
    expect(activeBackend()).toBe(chosen);
    const skipped = skippedBackends();
    expect(skipped.map((s) => s.name)).toEqual(BACKENDS.slice(0, BACKENDS.indexOf(chosen)));
    for (const s of skipped) expect(s.reason).toMatch(/\S/);
    if (chosen === 'wasm') {
      expect(tf.getBackend()).toBe('wasm');
      expect(wasmKernelFixesRegistered()).toBe(true);
    }
  });

  it("an explicit 'cpu' or 'wasm' becomes the active TF.js backend", async () => {
    expect(await initBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(await initBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmKernelFixesRegistered()).toBe(true);
    expect(skippedBackends()).toEqual([]);
  });

  it.skipIf(nodeBuilt)("an explicit 'tensorflow' that cannot load throws instead of falling back", async () => {
    await initBackend('wasm');
    await expect(initBackend('tensorflow')).rejects.toThrow(/backend 'tensorflow' is not available: .*tfjs-node/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it.skipIf(nodeGpuBuilt)("an explicit 'tensorflow-gpu' that cannot load throws instead of falling back", async () => {
    await expect(initBackend('tensorflow-gpu')).rejects.toThrow(/backend 'tensorflow-gpu' is not available: .*tfjs-node-gpu/);
  });

  it('wasm computes on the wasm backend with the SIMD build available in this Node', async () => {
    await initBackend('wasm');
    expect(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')).toBe(true);
    const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(await y.data()).toEqual(new Float32Array([11]));
  });
});
