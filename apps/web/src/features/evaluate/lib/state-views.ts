import type { TStateView } from '@tensorscope/shared';

/** What each quantity of a recurrent layer is, for its caption. */
const SERIES_TITLES: Record<string, string> = {
  hidden: 'hidden state h',
  cell: 'cell state c',
  input: 'input gate i',
  forget: 'forget gate f',
  candidate: 'candidate',
  output: 'output gate o',
  update: 'update gate z',
  reset: 'reset gate r',
};

export const seriesTitle = (series: string): string => SERIES_TITLES[series] ?? series;

/** The views grouped by layer, in the order they came. */
export function viewsByLayer(views: readonly TStateView[]): { layer: string; views: TStateView[] }[] {
  const groups: { layer: string; views: TStateView[] }[] = [];
  for (const v of views) {
    const group = groups.find((g) => g.layer === v.layer);
    if (group) group.views.push(v);
    else groups.push({ layer: v.layer, views: [v] });
  }
  return groups;
}

/** "−1 … 1", "0 … 1", "−2.31 … 2.31": the colormap's ends, short. */
export function rangeText(view: Pick<TStateView, 'range'>): string {
  const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2)).replace('-', '−');
  return `${f(view.range[0])} … ${f(view.range[1])}`;
}

/** Heat-map width on screen: a few px per unit, within bounds (8 units stay visible, 1,024 fit the card). */
export const heatmapWidth = (units: number): number => Math.min(512, Math.max(48, units * 6));
