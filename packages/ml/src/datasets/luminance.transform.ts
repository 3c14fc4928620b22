/**
 * ITU-R BT.601 luma weights, the same ones PIL's convert('L') and most
 * "grayscale MNIST-style" pipelines use, so gray models see familiar values.
 */
export const BT601_WEIGHTS = { r: 0.299, g: 0.587, b: 0.114 } as const;

/**
 * Writes Y = 0.299 R + 0.587 G + 0.114 B for `pixels` interleaved RGB pixels
 * starting at `rgbOffset`, unrounded, so rounding happens once after resizing.
 */
export function rgbToLuminance(rgb: Uint8Array, rgbOffset: number, pixels: number, out: Float64Array): void {
  for (let p = 0, i = rgbOffset; p < pixels; p++, i += 3) {
    out[p] = BT601_WEIGHTS.r * rgb[i]! + BT601_WEIGHTS.g * rgb[i + 1]! + BT601_WEIGHTS.b * rgb[i + 2]!;
  }
}
