/** A value range to map onto 0 … 255. */
export interface ValueRange {
  min: number;
  max: number;
}

/** min and max of data[start], data[start + stride], … (count values). */
export function rangeOf(data: Float32Array, start = 0, count = data.length, stride = 1): ValueRange {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0, i = start; k < count; k++, i += stride) {
    const v = data[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * Linear map of [min, max] onto gray levels 0 … 255 (rounded): min → black, max → white.
 * A constant range (min = max, e.g. a dead ReLU channel) maps to 0: black, "nothing here".
 */
export function grayLevel(value: number, range: ValueRange): number {
  const span = range.max - range.min;
  if (!(span > 0)) return 0;
  return Math.round((255 * Math.min(span, Math.max(0, value - range.min))) / span);
}
