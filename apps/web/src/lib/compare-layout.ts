/*
 * How the comparison charts are laid out, and the bucket count asked of the server: about one
 * bucket per pixel of plot width (each keeps up to 4 points: first, last, min, max), so the
 * server sends what the screen can show and never hides a spike.
 */

export const CHART_GAP = 14;
/** Plot area lost to the y axis and card padding. */
const CHART_CHROME = 90;
const TWO_COLUMNS_FROM = 820;
export const MIN_BUCKETS = 200;
export const MAX_BUCKETS = 2000;

/** Two charts per row on a wide grid; a single chart takes the whole width. */
export function chartColumns(gridWidth: number, charts: number): number {
  return gridWidth >= TWO_COLUMNS_FROM && charts > 1 ? 2 : 1;
}

/** Buckets for `charts` charts in a grid this wide, rounded to 50 so small resizes keep the same answer. */
export function bucketsForWidth(gridWidth: number, charts: number): number {
  const columns = chartColumns(gridWidth, charts);
  const plot = (gridWidth - CHART_GAP * (columns - 1)) / columns - CHART_CHROME;
  const rounded = Math.round(plot / 50) * 50;
  return Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, rounded));
}
