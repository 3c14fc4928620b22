import { PNG } from 'pngjs';

/**
 * Decodes a PNG that must be 8-bit truecolour RGB (colour type 2, no
 * transparency, not interlaced) of an exact size, and copies its pixels as
 * interleaved RGB bytes into `target` at `targetOffset`.
 *
 * Why so strict: pngjs normalises every PNG to 8-bit RGBA, silently rescaling
 * 16-bit samples, expanding palettes and turning a tRNS colour key into alpha.
 * Any of those would change the bytes we train on, so anything other than the
 * expected format is rejected rather than "handled". Alpha in particular is
 * refused, not dropped: CIFAR-10 has no alpha, so its presence means the
 * wrong file.
 *
 * Writing straight into the caller's buffer keeps only one decoded sprite
 * (~41 MB RGBA) alive at a time, which bounds peak memory while loading.
 */
export function decodeRgb8PngInto(
  png: Buffer,
  expected: { width: number; height: number },
  target: Uint8Array,
  targetOffset: number,
  fileName: string,
): void {
  const decoded = PNG.sync.read(png);
  const problems: string[] = [];
  if (decoded.width !== expected.width || decoded.height !== expected.height) {
    problems.push(`size ${decoded.width}×${decoded.height}, expected ${expected.width}×${expected.height}`);
  }
  if (decoded.depth !== 8) problems.push(`bit depth ${decoded.depth}, expected 8`);
  if (decoded.colorType !== 2) problems.push(`colour type ${decoded.colorType}, expected 2 (RGB)`);
  if (decoded.alpha) problems.push('has an alpha channel or tRNS transparency, expected none');
  if (decoded.interlace) problems.push('is interlaced, expected not');
  if (problems.length > 0) {
    throw new Error(`PNG ${fileName} has an unexpected format: ${problems.join('; ')}.`);
  }

  const pixels = expected.width * expected.height;
  const rgba = decoded.data;
  if (rgba.length !== pixels * 4) {
    throw new Error(`PNG ${fileName} decoded to ${rgba.length} bytes, expected ${pixels * 4} (RGBA).`);
  }
  if (targetOffset < 0 || targetOffset + pixels * 3 > target.length) {
    throw new Error(`PNG ${fileName} does not fit the target buffer at offset ${targetOffset}.`);
  }
  // Drop the constant alpha pngjs adds (always 255 here, since alpha was rejected above).
  for (let p = 0, src = 0, dst = targetOffset; p < pixels; p++, src += 4, dst += 3) {
    target[dst] = rgba[src]!;
    target[dst + 1] = rgba[src + 1]!;
    target[dst + 2] = rgba[src + 2]!;
  }
}
