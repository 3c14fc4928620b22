import type { TCompareSeries, TSmoothedOn } from '@tensorscope/shared';
import type { TXAxis } from './compare-url';
import { xValues, type TNumbers, type TXContext } from './compare-x-axis';
import { collapseFlatRuns, type TDrawnLine } from './compare-flat-runs';
import { countNonPositive, dropNonPositive } from './compare-y-range';
import { previewSmoothed, type TSmoothing } from './compare-smooth-preview';

/*
 * From a compare answer to what one chart draws. Each run keeps its own x array (uPlot's faceted
 * mode) instead of being aligned onto the union of all steps: the server keeps each run's own
 * bucket extremes, so 100 runs × 4,000 points have ~200,000 distinct steps, and an aligned table
 * would be 100 × 200,000 cells, nearly all empty. On the step axis with a linear y the server's
 * arrays are used as they are: no copy at all.
 */

export interface TChartLine {
  runId: string;
  color: string;
  xs: TNumbers;
  raw: readonly (number | null)[];
  /** null when the answer has no smoothing (weight 0). */
  smoothed: readonly (number | null)[] | null;
  /** The smoothed line as drawn: its flat stretches reduced to their ends (compare-flat-runs); xs/smoothed where absent. */
  smoothedDrawn?: TDrawnLine | null;
}

export interface TChartData {
  tag: string;
  lines: TChartLine[];
  /** Where the server smoothed: 'buckets' as soon as one series was too long for full resolution. */
  smoothedOn: TSmoothedOn | null;
  /** Points stored over all runs, and how many came back (the rest were downsampled away). */
  totalPoints: number;
  shownPoints: number;
  /** Finite values ≤ 0 a log axis leaves out. */
  droppedNonPositive: number;
  /** Runs with data that can't be placed yet (epoch axis while their config loads). */
  unplaced: number;
}

export interface TRunPlacement extends TXContext {
  color: string;
}

/** The answer's series per tag, in answer (= selection) order. */
export function seriesByTag(series: readonly TCompareSeries[]): Map<string, TCompareSeries[]> {
  const byTag = new Map<string, TCompareSeries[]>();
  for (const s of series) {
    const list = byTag.get(s.tag);
    if (list) list.push(s);
    else byTag.set(s.tag, [s]);
  }
  return byTag;
}

export function buildChartData(
  tag: string,
  series: readonly TCompareSeries[],
  options: {
    x: TXAxis;
    log: boolean;
    runs: ReadonlyMap<string, TRunPlacement>;
    /** Smoothing to draw from the held points instead of the answer's `held` one (see compare-smooth-preview); none: the answer's. */
    preview?: { wanted: TSmoothing; held: TSmoothing } | null;
  },
): TChartData {
  const lines: TChartLine[] = [];
  let smoothedOn: TSmoothedOn | null = null;
  let totalPoints = 0;
  let shownPoints = 0;
  let droppedNonPositive = 0;
  let unplaced = 0;
  for (const s of series) {
    if (s.steps.length === 0) continue;
    const run = options.runs.get(s.runId);
    const xs = run ? xValues(options.x, s, run) : null;
    if (!run || !xs) {
      unplaced++;
      continue;
    }
    totalPoints += s.totalPoints;
    shownPoints += s.steps.length;
    if (s.smoothedOn === 'buckets' || (s.smoothedOn === 'full' && smoothedOn === null)) smoothedOn = s.smoothedOn;
    let raw: readonly (number | null)[] = s.values;
    let smoothed: readonly (number | null)[] | null = options.preview
      ? previewSmoothed(s, options.preview.wanted, options.preview.held)
      : s.smoothed;
    if (options.log) {
      droppedNonPositive += countNonPositive([{ xs, ys: raw }]);
      raw = dropNonPositive(raw);
      smoothed = smoothed && dropNonPositive(smoothed);
    }
    lines.push({ runId: s.runId, color: run.color, xs, raw, smoothed, smoothedDrawn: smoothed && collapseFlatRuns(xs, smoothed) });
  }
  return { tag, lines, smoothedOn, totalPoints, shownPoints, droppedNonPositive, unplaced };
}

/**
 * The chart's uPlot series in draw order, after the unused index 0: every faint raw line first,
 * then every solid smoothed one, so a noisy run's raw line never covers another run's curve.
 */
export function seriesLayout(lines: readonly Pick<TChartLine, 'smoothed'>[]): { line: number; smoothed: boolean }[] {
  const layout = lines.map((_, line) => ({ line, smoothed: false }));
  lines.forEach((l, line) => {
    if (l.smoothed) layout.push({ line, smoothed: true });
  });
  return layout;
}

/** uPlot index (1-based) of the run's solid line (smoothed if any, else raw), or null when it isn't drawn. */
export function focusSeriesIndex(lines: readonly Pick<TChartLine, 'runId' | 'smoothed'>[], runId: string): number | null {
  const line = lines.findIndex((l) => l.runId === runId);
  if (line < 0) return null;
  const layout = seriesLayout(lines);
  const wanted = lines[line]!.smoothed !== null;
  return layout.findIndex((s) => s.line === line && s.smoothed === wanted) + 1;
}
