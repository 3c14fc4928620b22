/*
 * Chart size, one choice for the page's charts (run page and compare view): small charts fit more
 * per row, large ones show detail. Kept in localStorage: it is a preference of the person at the
 * screen, not part of what a shared link shows.
 */

export const CHART_SIZES = ['S', 'M', 'L'] as const;
export type TChartSize = (typeof CHART_SIZES)[number];
export const CHART_SIZE_STORAGE_KEY = 'tensorscope-chart-size';

/** Plot height in CSS px per size (M is the size the charts had before there was a choice). */
export const CHART_HEIGHTS: Record<TChartSize, number> = { S: 170, M: 260, L: 420 };

/** Narrowest a chart of each size gets before the grid drops a column. */
const MIN_CHART_WIDTH: Record<TChartSize, number> = { S: 340, M: 410, L: 99_999 };

export function parseChartSize(value: string | null | undefined): TChartSize {
  return CHART_SIZES.find((s) => s === value) ?? 'M';
}

/**
 * Charts per row in a grid `gridWidth` px wide: as many as fit at the size's narrowest width
 * (at most 4, never more than there are charts); large charts always get a row each.
 */
export function chartColumnsFor(size: TChartSize, gridWidth: number, charts: number): number {
  const fit = Math.floor(gridWidth / MIN_CHART_WIDTH[size]);
  return Math.max(1, Math.min(4, charts, fit));
}
