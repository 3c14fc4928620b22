/** Deterministic values in [-1, 1) from an LCG: every backend and every run gets byte-identical inputs. */
export function randomValues(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}
