import type { TScalarPoint } from '@tensorscope/shared';
import { smoothEma } from '@tensorscope/shared';
import { alignSeries, type TAlignedData } from '../../../lib/align-series';
import type { TXAxis } from '../../compare/lib/compare-url';

/*
 * The run page's charts with the compare view's controls: smoothing, what the x axis measures, and
 * a log y axis. Computed in the browser from the run's full series (a run page holds every point).
 */

/** The compare view's x axes: one list, so both pages offer the same. */
export type TRunXAxis = TXAxis;

export interface TRunChartSettings {
  /** TensorBoard's EMA weight; 0 = raw lines only. */
  smoothing: number;
  x: TRunXAxis;
  logY: boolean;
}

export const DEFAULT_RUN_CHART_SETTINGS: TRunChartSettings = { smoothing: 0.6, x: 'step', logY: false };

export interface TRunChartContext {
  /** Optimizer steps per epoch; `epoch` needs it. */
  stepsPerEpoch?: number | undefined;
  /** Wall time (ms) of the run's first point; `relative` counts from it. */
  originMs?: number | undefined;
}

/** Where one point lies on the chosen axis (time axes in seconds, as uPlot counts them); null when unknown. */
export function xOf(axis: TRunXAxis, point: TScalarPoint, context: TRunChartContext): number | null {
  switch (axis) {
    case 'step':
      return point.step;
    case 'epoch':
      return context.stepsPerEpoch && context.stepsPerEpoch > 0 ? point.step / context.stepsPerEpoch : null;
    case 'relative':
      return context.originMs === undefined ? null : (point.wallTime - context.originMs) / 1000;
    case 'wall':
      return point.wallTime / 1000;
  }
}

/** The first wall time over the series: the zero of `relative`. */
export function firstWallTime(series: readonly (readonly TScalarPoint[])[]): number | undefined {
  let first = Infinity;
  for (const points of series) for (const p of points) if (p.wallTime < first) first = p.wallTime;
  return first === Infinity ? undefined : first;
}

/** One column of the chart: a series' smoothed line, or its raw points (faint behind it when smoothed). */
export interface TRunChartColumn {
  series: number;
  kind: 'smoothed' | 'raw';
}

/**
 * The aligned data of the chart: per series its raw line and, when smoothing, the EMA over it
 * (TensorBoard's, on the raw values in step order). On a log axis values ≤ 0 have no place and
 * are left out (null) rather than breaking the scale.
 */
export function runChartData(
  series: readonly (readonly TScalarPoint[])[],
  settings: TRunChartSettings,
  context: TRunChartContext,
): { data: TAlignedData; columns: TRunChartColumn[] } {
  const lines: TScalarPoint[][] = [];
  const columns: TRunChartColumn[] = [];
  const keep = (v: number) => !settings.logY || v > 0;
  series.forEach((points, index) => {
    const placed = points.flatMap((p) => {
      const x = xOf(settings.x, p, context);
      return x === null ? [] : [{ ...p, step: x }];
    });
    if (settings.smoothing > 0) {
      const smoothed = smoothEma(
        placed.map((p) => p.value),
        settings.smoothing,
      );
      lines.push(placed.map((p, i) => ({ ...p, value: smoothed[i]! })).filter((p) => keep(p.value)));
      columns.push({ series: index, kind: 'smoothed' });
    }
    lines.push(placed.filter((p) => keep(p.value)));
    columns.push({ series: index, kind: 'raw' });
  });
  return { data: alignSeries(lines), columns };
}
