/*
 * How the comparison charts are laid out, and the bucket count asked of the server: one bucket
 * per 2 pixels of plot width. Each bucket keeps up to 4 points (first, last, min, max), so a spike
 * is never hidden, and 2 px per bucket halves what 100 runs cost against one per pixel (measured:
 * ~23 MB and ~3 s to first render at one per pixel for 100 runs × 100,000 points) with no visible
 * difference: a min–max segment already spans the bucket's height.
 *
 * A crowd of runs (more than CROWD) gets one bucket per 4 px: a hundred overlapping lines show no
 * single run's detail at 2 px, while every redraw (each control change) costs per point drawn:
 * 100 runs × 2 lines × 2,200 points took ~200 ms to path and rasterise, twice what a change may take.
 */

import { chartColumnsFor, type TChartSize } from '../../../lib/chart-size';

export const CHART_GAP = 14;
/** Plot area lost to the y axis and card padding. */
const CHART_CHROME = 90;
const TWO_COLUMNS_FROM = 820;
export const MIN_BUCKETS = 100;
export const MAX_BUCKETS = 1000;
const PIXELS_PER_BUCKET = 2;
const CROWD_PIXELS_PER_BUCKET = 4;
/** More runs than this on one chart are a crowd: coarser buckets here, thinner lines in compare-chart. */
export const CROWD = 20;

/**
 * Charts per row. M (the default): two on a wide grid, a single chart taking the whole width;
 * S fits as many small charts as the width allows (up to 4), L gives each chart a row.
 */
export function chartColumns(gridWidth: number, charts: number, size: TChartSize = 'M'): number {
  if (size !== 'M') return chartColumnsFor(size, gridWidth, charts);
  return gridWidth >= TWO_COLUMNS_FROM && charts > 1 ? 2 : 1;
}

/** Buckets for `charts` charts of `runs` runs in a grid this wide, rounded to 25 so small resizes keep the same answer. */
export function bucketsForWidth(gridWidth: number, charts: number, size: TChartSize = 'M', runs = 1): number {
  const columns = chartColumns(gridWidth, charts, size);
  const plot = (gridWidth - CHART_GAP * (columns - 1)) / columns - CHART_CHROME;
  const rounded = Math.round(plot / (runs > CROWD ? CROWD_PIXELS_PER_BUCKET : PIXELS_PER_BUCKET) / 25) * 25;
  return Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, rounded));
}
