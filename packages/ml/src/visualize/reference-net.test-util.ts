import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../core/seeded.rng';

/**
 * An independent, loop-only reference for the tiny test network
 *   input h×w×cin → conv1 3×3×c1 same ReLU → pool1 2 → conv2 3×3×c2 same ReLU → pool2 2
 *   → flatten → fc1 (ReLU) → fc2 (linear)
 * with fixed pseudo-random weights. Nothing here calls TF.js ops: every number is computed
 * by straightforward nested loops, so the visualisations are checked against arithmetic,
 * not against themselves.
 */

/** Seeded generator (mulberry32), so the fixed weights are the same on every run. */
export const seededRandom = mulberry32;

export interface Volume {
  h: number;
  w: number;
  c: number;
  data: Float64Array;
}

const vol = (h: number, w: number, c: number): Volume => ({ h, w, c, data: new Float64Array(h * w * c) });
const at = (v: Volume, y: number, x: number, ch: number) => (y * v.w + x) * v.c + ch;

export interface TinyWeights {
  inShape: [number, number, number];
  k1: Float64Array; // [3, 3, cin, c1]
  b1: Float64Array;
  k2: Float64Array; // [3, 3, c1, c2]
  b2: Float64Array;
  w3: Float64Array; // [flat, hidden]
  b3: Float64Array;
  w4: Float64Array; // [hidden, classes]
  b4: Float64Array;
  c1: number;
  c2: number;
  hidden: number;
  classes: number;
}

export function tinyWeights(
  seed: number,
  inShape: [number, number, number] = [8, 8, 1],
  c1 = 2,
  c2 = 2,
  hidden = 4,
  classes = 3,
): TinyWeights {
  const rnd = seededRandom(seed);
  const fill = (n: number, scale = 1) => Float64Array.from({ length: n }, () => (rnd() * 2 - 1) * scale);
  const [h, w, cin] = inShape;
  const flat = (h / 4) * (w / 4) * c2;
  return {
    inShape,
    k1: fill(9 * cin * c1),
    b1: fill(c1, 0.2),
    k2: fill(9 * c1 * c2),
    b2: fill(c2, 0.2),
    w3: fill(flat * hidden),
    b3: fill(hidden, 0.2),
    w4: fill(hidden * classes),
    b4: fill(classes, 0.2),
    c1,
    c2,
    hidden,
    classes,
  };
}

/** The same network as a TF.js Sequential model with these weights (what the functions under test get). */
export function tinyModel(t: TinyWeights): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ name: 'conv1', inputShape: t.inShape, filters: t.c1, kernelSize: 3, padding: 'same', activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2, strides: 2 }));
  m.add(tf.layers.conv2d({ name: 'conv2', filters: t.c2, kernelSize: 3, padding: 'same', activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2, strides: 2 }));
  m.add(tf.layers.flatten({ name: 'flatten' }));
  m.add(tf.layers.dense({ name: 'fc1', units: t.hidden, activation: 'relu' }));
  m.add(tf.layers.dense({ name: 'fc2', units: t.classes }));
  const cin = t.inShape[2];
  const set = (name: string, values: [Float64Array, number[]][]) => {
    const tensors = values.map(([d, s]) => tf.tensor(Float32Array.from(d), s));
    m.getLayer(name).setWeights(tensors);
    tf.dispose(tensors);
  };
  set('conv1', [
    [t.k1, [3, 3, cin, t.c1]],
    [t.b1, [t.c1]],
  ]);
  set('conv2', [
    [t.k2, [3, 3, t.c1, t.c2]],
    [t.b2, [t.c2]],
  ]);
  set('fc1', [
    [t.w3, [t.w3.length / t.hidden, t.hidden]],
    [t.b3, [t.hidden]],
  ]);
  set('fc2', [
    [t.w4, [t.hidden, t.classes]],
    [t.b4, [t.classes]],
  ]);
  return m;
}

/** 3×3 'same' convolution (cross-correlation, as TF): out[y,x,o] = b[o] + Σ x[y+i−1, x+j−1, c] · k[i,j,c,o]. */
export function conv3Same(x: Volume, k: Float64Array, b: Float64Array | null, cout: number): Volume {
  const out = vol(x.h, x.w, cout);
  for (let y = 0; y < x.h; y++)
    for (let xx = 0; xx < x.w; xx++)
      for (let o = 0; o < cout; o++) {
        let s = b ? (b[o] as number) : 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            const yy = y + i - 1;
            const xj = xx + j - 1;
            if (yy < 0 || yy >= x.h || xj < 0 || xj >= x.w) continue;
            for (let c = 0; c < x.c; c++) s += (x.data[at(x, yy, xj, c)] as number) * (k[((i * 3 + j) * x.c + c) * cout + o] as number);
          }
        out.data[at(out, y, xx, o)] = s;
      }
  return out;
}

/**
 * The deconvnet's filtering step written as the paper says: a 'same' correlation of the
 * signal with the *flipped* kernel, in and out channels swapped:
 * out[y,x,c] = Σ s[y+i−1, x+j−1, o] · k[2−i, 2−j, c, o].
 */
export function flippedConv3Same(s: Volume, k: Float64Array, cin: number): Volume {
  const out = vol(s.h, s.w, cin);
  for (let y = 0; y < s.h; y++)
    for (let x = 0; x < s.w; x++)
      for (let c = 0; c < cin; c++) {
        let sum = 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            const yy = y + i - 1;
            const xx = x + j - 1;
            if (yy < 0 || yy >= s.h || xx < 0 || xx >= s.w) continue;
            for (let o = 0; o < s.c; o++)
              sum += (s.data[at(s, yy, xx, o)] as number) * (k[(((2 - i) * 3 + (2 - j)) * cin + c) * s.c + o] as number);
          }
        out.data[at(out, y, x, c)] = sum;
      }
  return out;
}

export function relu(v: Volume): Volume {
  return { ...v, data: v.data.map((a) => Math.max(0, a)) };
}

/** 2×2 max-pool, stride 2, with switches: the first maximum of each window in row-major order. */
export function maxPool2(x: Volume): { out: Volume; switches: Int32Array } {
  const out = vol(x.h / 2, x.w / 2, x.c);
  const switches = new Int32Array(out.data.length);
  for (let y = 0; y < out.h; y++)
    for (let xx = 0; xx < out.w; xx++)
      for (let c = 0; c < x.c; c++) {
        let best = at(x, 2 * y, 2 * xx, c);
        for (const [i, j] of [
          [0, 1],
          [1, 0],
          [1, 1],
        ] as const) {
          const p = at(x, 2 * y + i, 2 * xx + j, c);
          if ((x.data[p] as number) > (x.data[best] as number)) best = p;
        }
        out.data[at(out, y, xx, c)] = x.data[best] as number;
        switches[at(out, y, xx, c)] = best;
      }
  return { out, switches };
}

export function unpool2(s: Volume, switches: Int32Array): Volume {
  const out = vol(s.h * 2, s.w * 2, s.c);
  for (let i = 0; i < s.data.length; i++) out.data[switches[i] as number]! += s.data[i] as number;
  return out;
}

export interface TinyForward {
  z1: Volume;
  a1: Volume;
  p1: ReturnType<typeof maxPool2>;
  z2: Volume;
  a2: Volume;
  p2: ReturnType<typeof maxPool2>;
  h: Float64Array;
  zh: Float64Array;
  logits: Float64Array;
}

export function tinyForward(t: TinyWeights, image: Float32Array): TinyForward {
  const [h, w, c] = t.inShape;
  const x: Volume = { h, w, c, data: Float64Array.from(image) };
  const z1 = conv3Same(x, t.k1, t.b1, t.c1);
  const a1 = relu(z1);
  const p1 = maxPool2(a1);
  const z2 = conv3Same(p1.out, t.k2, t.b2, t.c2);
  const a2 = relu(z2);
  const p2 = maxPool2(a2);
  const flat = p2.out.data;
  const zh = new Float64Array(t.hidden);
  for (let u = 0; u < t.hidden; u++) {
    let s = t.b3[u] as number;
    for (let i = 0; i < flat.length; i++) s += (flat[i] as number) * (t.w3[i * t.hidden + u] as number);
    zh[u] = s;
  }
  const hAct = zh.map((v) => Math.max(0, v));
  const logits = new Float64Array(t.classes);
  for (let k = 0; k < t.classes; k++) {
    let s = t.b4[k] as number;
    for (let u = 0; u < t.hidden; u++) s += (hAct[u] as number) * (t.w4[u * t.classes + k] as number);
    logits[k] = s;
  }
  return { z1, a1, p1, z2, a2, p2, h: hAct, zh, logits };
}

/** Keep one activation (or a whole map) of a volume, zeros elsewhere. */
export function keepOnly(v: Volume, channel: number, position: { y: number; x: number } | 'map'): Volume {
  const out = vol(v.h, v.w, v.c);
  for (let y = 0; y < v.h; y++)
    for (let x = 0; x < v.w; x++) {
      if (position !== 'map' && (y !== position.y || x !== position.x)) continue;
      out.data[at(v, y, x, channel)] = v.data[at(v, y, x, channel)] as number;
    }
  return out;
}

/** Reference deconvnet from conv1's rectified output: rectify, filter down. */
export function deconvFromConv1(t: TinyWeights, top: Volume): Volume {
  return flippedConv3Same(relu(top), t.k1, t.inShape[2]);
}

/** Reference deconvnet from conv2's rectified output: rectify, filter, unpool (pool1 switches), rectify, filter. */
export function deconvFromConv2(t: TinyWeights, f: TinyForward, top: Volume): Volume {
  const down2 = flippedConv3Same(relu(top), t.k2, t.c1);
  return flippedConv3Same(relu(unpool2(down2, f.p1.switches)), t.k1, t.inShape[2]);
}

/**
 * Reference backward pass of class `k`'s logit to the input, by hand: dense, ReLU, unflatten,
 * max-pool (gradient to the switch), ReLU, flipped-kernel convolution … With `guided`, every
 * ReLU also drops negative gradients (guided backprop); without, it is the plain gradient.
 */
export function tinyInputGradient(t: TinyWeights, f: TinyForward, k: number, guided: boolean): Volume {
  const reluBack = (g: number, z: number) => (z > 0 && (!guided || g > 0) ? g : 0);
  const gh = new Float64Array(t.hidden);
  for (let u = 0; u < t.hidden; u++) gh[u] = reluBack(t.w4[u * t.classes + k] as number, f.zh[u] as number);
  const gFlat = new Float64Array(f.p2.out.data.length);
  for (let i = 0; i < gFlat.length; i++) {
    let s = 0;
    for (let u = 0; u < t.hidden; u++) s += (gh[u] as number) * (t.w3[i * t.hidden + u] as number);
    gFlat[i] = s;
  }
  const ga2 = unpool2({ ...f.p2.out, data: gFlat }, f.p2.switches);
  const gz2 = { ...ga2, data: ga2.data.map((g, i) => reluBack(g, f.z2.data[i] as number)) };
  const gp1 = flippedConv3Same(gz2, t.k2, t.c1);
  const ga1 = unpool2(gp1, f.p1.switches);
  const gz1 = { ...ga1, data: ga1.data.map((g, i) => reluBack(g, f.z1.data[i] as number)) };
  return flippedConv3Same(gz1, t.k1, t.inShape[2]);
}

export function randomImage(seed: number, n: number): Float32Array {
  const rnd = seededRandom(seed);
  return Float32Array.from({ length: n }, () => rnd() * 2 - 1);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}
