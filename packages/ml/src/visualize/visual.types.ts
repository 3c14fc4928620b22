/**
 * Value types shared by the Zeiler & Fergus visualisations. Plain arrays, no tensors: every
 * function here returns data a worker can serialise (JSON, float32 bytes) and cache.
 */

/** One standardised input image (the model's input space, not bytes), row-major [h, w, c]: value (y, x, ch) at (y·w + x)·c + ch. */
export interface TVisualImage {
  shape: [number, number, number];
  data: Float32Array;
}

/** One value per pixel of an h×w grid, row-major: value (y, x) at y·width + x. */
export interface TPlane {
  height: number;
  width: number;
  data: Float32Array;
}

/** A position in a layer's output grid (row y, column x). */
export interface TGridPosition {
  y: number;
  x: number;
}

/** A rectangle of input pixels: rows top … top + height − 1, columns left … left + width − 1. */
export interface TPixelBox {
  top: number;
  left: number;
  height: number;
  width: number;
}
