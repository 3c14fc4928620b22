/**
 * Bilinear resize of a single-channel plane with half-pixel centres, i.e. the
 * semantics of tf.image.resizeBilinear(x, size, alignCorners=false,
 * halfPixelCenters=true). Implemented in plain JS with float64 arithmetic so
 * the result does not depend on the TF.js backend (CPU/WASM/WebGL differ in
 * float32 rounding), which keeps cached and freshly derived data identical.
 */

/** Source sample positions for one axis: out[i] = in[lower] + (in[upper] - in[lower]) * lerp. */
export interface AxisTaps {
  lower: Int32Array;
  upper: Int32Array;
  lerp: Float64Array;
}

/**
 * For output index o: src = (o + 0.5) * (inSize / outSize) - 0.5;
 * lower = max(floor(src), 0); upper = min(ceil(src), inSize - 1);
 * lerp = src - floor(src). This mirrors TF's kernel, including its edge clamping.
 */
export function halfPixelTaps(inSize: number, outSize: number): AxisTaps {
  if (!(Number.isInteger(inSize) && Number.isInteger(outSize) && inSize > 0 && outSize > 0)) {
    throw new Error(`Resize sizes must be positive integers, got ${inSize} → ${outSize}.`);
  }
  const scale = inSize / outSize;
  const lower = new Int32Array(outSize);
  const upper = new Int32Array(outSize);
  const lerp = new Float64Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const src = (o + 0.5) * scale - 0.5;
    const floor = Math.floor(src);
    lower[o] = Math.max(floor, 0);
    upper[o] = Math.min(Math.ceil(src), inSize - 1);
    lerp[o] = src - floor;
  }
  return { lower, upper, lerp };
}

/** Resizes `src` (inW-wide rows) into `out` using precomputed row and column taps. */
export function resizeBilinearPlane(src: Float64Array, inWidth: number, rows: AxisTaps, cols: AxisTaps, out: Float64Array): void {
  const outHeight = rows.lower.length;
  const outWidth = cols.lower.length;
  for (let y = 0; y < outHeight; y++) {
    const top = rows.lower[y]! * inWidth;
    const bottom = rows.upper[y]! * inWidth;
    const yLerp = rows.lerp[y]!;
    for (let x = 0; x < outWidth; x++) {
      const left = cols.lower[x]!;
      const right = cols.upper[x]!;
      const xLerp = cols.lerp[x]!;
      const topLeft = src[top + left]!;
      const bottomLeft = src[bottom + left]!;
      const topValue = topLeft + (src[top + right]! - topLeft) * xLerp;
      const bottomValue = bottomLeft + (src[bottom + right]! - bottomLeft) * xLerp;
      out[y * outWidth + x] = topValue + (bottomValue - topValue) * yLerp;
    }
  }
}
