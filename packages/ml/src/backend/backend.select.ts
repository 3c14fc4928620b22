import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BACKENDS, type TBackendChoice, type TBackendName } from '@tensorscope/shared';
import { registerWasmKernelFixes } from './wasm-kernels.fix';

/** A candidate that `auto` passed over, and why (for the worker's log). */
export interface TSkippedBackend {
  name: TBackendName;
  reason: string;
}

/** `auto` walks the shared order: fastest first; `cpu` (pure JS, 20–300× slower than wasm) last. */
const AUTO_ORDER: readonly TBackendName[] = BACKENDS;

let skipped: TSkippedBackend[] = [];
/** Which tfjs-node flavour put the 'tensorflow' backend in place: both register under that one name. */
let nodeFlavour: 'tensorflow-gpu' | 'tensorflow' | null = null;

/**
 * tfjs-node(-gpu) ship a native addon (lib/napi-v<N>/tfjs_binding.node) that their
 * install step builds or downloads with libtensorflow; offline it is missing.
 * Checking for the file first matters: requiring such a package registers ~160
 * 'tensorflow' kernels before it throws "native addon module ... can not be found".
 */
function nativeAddonProblem(pkg: string): string | null {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return `${pkg} is not installed`;
  }
  const lib = path.join(dir, 'lib');
  const built =
    fs.existsSync(lib) && fs.readdirSync(lib).some((d) => d.startsWith('napi-v') && fs.existsSync(path.join(lib, d, 'tfjs_binding.node')));
  return built ? null : `${pkg} is installed but its native addon (lib/napi-v<N>/tfjs_binding.node) was never built`;
}

/**
 * Loads tfjs-node(-gpu). They register the 'tensorflow' backend into the
 * `@tensorflow/tfjs` they require themselves. In pnpm's layout that is the very
 * same file as ours: packages/ml/node_modules/@tensorflow/tfjs and
 * tfjs-node's own node_modules/@tensorflow/tfjs are both symlinks to
 * .pnpm/@tensorflow+tfjs@4.22.0_seedrandom@3.0.5 (one peer set, one store entry),
 * and every package resolves the single .pnpm/@tensorflow+tfjs-core@4.22.0.
 * Even a second copy of tfjs-core would share state, since core keeps its engine
 * and kernel registry on the global object; the engine check below makes a
 * mismatch loud instead of silently training on another backend.
 * Both flavours register under the one name 'tensorflow', so only one may load.
 */
async function loadTfjsNode(flavour: 'tensorflow-gpu' | 'tensorflow'): Promise<void> {
  if (nodeFlavour !== null && nodeFlavour !== flavour) {
    throw new Error(`${nodeFlavour} is already loaded in this process; both register the 'tensorflow' backend`);
  }
  // A non-literal specifier: tsc must not need these optional packages' typings.
  const pkg: string = flavour === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  const problem = nativeAddonProblem(pkg);
  if (problem !== null) throw new Error(problem);
  const kernelsBefore = new Set(tf.getKernelsForBackend('tensorflow').map((k) => k.kernelName));
  try {
    const tfNode = (await import(pkg)) as { engine?: () => unknown };
    if (typeof tfNode.engine === 'function' && tfNode.engine() !== tf.engine()) {
      throw new Error(`${pkg} uses another @tensorflow/tfjs instance than @tensorscope/ml`);
    }
    if (tf.findBackendFactory('tensorflow') === null) throw new Error(`${pkg} did not register the 'tensorflow' backend`);
    if (!(await tf.setBackend('tensorflow'))) throw new Error(`${pkg}: the 'tensorflow' backend failed to initialise`);
  } catch (e) {
    // Undo a half-done import so that the other flavour can register its own kernels.
    for (const k of tf.getKernelsForBackend('tensorflow')) {
      if (!kernelsBefore.has(k.kernelName)) tf.unregisterKernel(k.kernelName, 'tensorflow');
    }
    throw e;
  }
  nodeFlavour = flavour;
}

/**
 * Points the wasm backend at the binaries shipped in its own package (a file
 * path prefix works in Node), so nothing is ever fetched. In Node the backend
 * picks tfjs-backend-wasm-simd.wasm when SIMD validates (Node 20: yes) and never
 * the threaded one (threads are disabled in Node), so training runs on one core.
 */
async function loadWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const distDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  // Harmless to repeat; it only throws after a failed init, which load() reports anyway.
  wasm.setWasmPaths(distDir + path.sep);
  registerWasmKernelFixes();
  if (!(await tf.setBackend('wasm'))) throw new Error(`wasm backend failed to initialise from ${distDir}`);
}

async function loadCpu(): Promise<void> {
  // The umbrella @tensorflow/tfjs registers 'cpu' on import.
  if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend failed to initialise');
}

function load(name: TBackendName): Promise<void> {
  switch (name) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      return loadTfjsNode(name);
    case 'wasm':
      return loadWasm();
    case 'cpu':
      return loadCpu();
  }
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
  return text.split('\n')[0] ?? text;
}

/** The active backend under our names; 'tensorflow' is reported as -gpu when tfjs-node-gpu provided it. */
export function activeBackend(): TBackendName {
  const name = tf.getBackend();
  switch (name) {
    case 'tensorflow':
      return nodeFlavour ?? 'tensorflow';
    case 'wasm':
    case 'cpu':
      return name;
    default:
      throw new Error(`unexpected active TF.js backend '${name}'`);
  }
}

/**
 * Makes `choice` the active TF.js backend and returns its name. 'auto' tries
 * tfjs-node-gpu, tfjs-node, wasm, then cpu, keeping the first that initialises;
 * an explicit choice that cannot initialise throws (no silent fallback).
 */
export async function initBackend(choice: TBackendChoice): Promise<TBackendName> {
  skipped = [];
  if (choice !== 'auto') {
    try {
      await load(choice);
    } catch (e) {
      throw new Error(`backend '${choice}' is not available: ${errorText(e)}`);
    }
    return activeBackend();
  }
  for (const name of AUTO_ORDER) {
    try {
      await load(name);
      return activeBackend();
    } catch (e) {
      skipped.push({ name, reason: errorText(e) });
    }
  }
  throw new Error(`no TF.js backend could be initialised: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}

/** Candidates the last `initBackend('auto')` passed over, in order, with the reason. */
export function skippedBackends(): readonly TSkippedBackend[] {
  return skipped;
}
