import type { TWindowGeometry } from './layer-specs.read';

/**
 * The deconvnet's "switches" (Zeiler & Fergus 2014, §2.1): for every output (oy, ox, ch) of a
 * max-pool, where in its window the maximum was, as the flat input index (y·w + x)·c + ch.
 * Positions of a 'same' window that fall outside the input (TF pads with −∞) are skipped.
 * Ties go to the first position in row-major window order, so the choice is reproducible
 * (it matters: the signal unpooled through a window of equal ReLU zeros need not be zero).
 */
export function poolSwitches(
  input: Float32Array,
  inShape: readonly number[],
  outShape: readonly number[],
  geometry: TWindowGeometry,
): Int32Array {
  const [h = 0, w = 0, c = 0] = inShape;
  const [oh = 0, ow = 0] = outShape;
  const [kh, kw] = geometry.size;
  const [sh, sw] = geometry.strides;
  const switches = new Int32Array(oh * ow * c);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let ch = 0; ch < c; ch++) {
        let best = -1;
        let bestValue = -Infinity;
        for (let i = 0; i < kh; i++) {
          const y = oy * sh - geometry.padTop + i;
          if (y < 0 || y >= h) continue;
          for (let j = 0; j < kw; j++) {
            const x = ox * sw - geometry.padLeft + j;
            if (x < 0 || x >= w) continue;
            const at = (y * w + x) * c + ch;
            const v = input[at] as number;
            if (best < 0 || v > bestValue) {
              best = at;
              bestValue = v;
            }
          }
        }
        switches[(oy * ow + ox) * c + ch] = best;
      }
    }
  }
  return switches;
}

/**
 * Unpooling: each value goes back to the input position its switch recorded, zeros
 * elsewhere. Where windows overlap (stride < size) two outputs can share a switch: their
 * values add up, as in the max-pool's gradient.
 */
export function unpool(signal: Float32Array, switches: Int32Array, inputSize: number): Float32Array {
  if (signal.length !== switches.length) throw new Error(`unpool: ${signal.length} values for ${switches.length} switches`);
  const out = new Float32Array(inputSize);
  for (let k = 0; k < signal.length; k++) {
    const at = switches[k] as number;
    if (at >= 0) out[at]! += signal[k] as number;
  }
  return out;
}
