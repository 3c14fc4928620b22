/**
 * Plot coordinates for a 2-D embedding in a width × height box with `pad` px kept free: one
 * scale for both axes (distances in the picture are distances between the points, as PCA
 * means them), the points' bounding box centred. SVG y grows downwards, so y is flipped.
 */
export function fitPoints(
  xs: readonly number[],
  ys: readonly number[],
  width: number,
  height: number,
  pad: number,
): { px: number[]; py: number[] } {
  if (xs.length === 0) return { px: [], py: [] };
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale = Math.min(spanX === 0 ? Infinity : (width - 2 * pad) / spanX, spanY === 0 ? Infinity : (height - 2 * pad) / spanY);
  const s = Number.isFinite(scale) ? scale : 1; // every point in one place: draw them there
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { px: xs.map((x) => width / 2 + (x - cx) * s), py: ys.map((y) => height / 2 - (y - cy) * s) };
}
