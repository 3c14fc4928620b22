import type { TCompareSeries } from '@tensorscope/shared';
import type { TXAxis, TXRange } from './compare-url';

/*
 * What the x axis of the comparison charts measures. Steps come from the server; the other axes
 * are derived per run, so runs with different batch sizes or start times line up meaningfully.
 */

export const X_AXIS_LABELS: Record<TXAxis, string> = {
  step: 'step',
  epoch: 'epoch',
  relative: 'relative time (s)',
  wall: 'wall time',
};

/** Numbers uPlot can read without copying: a plain array or a typed one. */
export type TNumbers = readonly number[] | Float64Array;

export interface TXContext {
  /** Optimizer steps per epoch of the run (stepsPerEpoch(config)); needed for `epoch`. */
  stepsPerEpoch?: number | undefined;
  /** Wall time (ms) of the run's first point; needed for `relative`. */
  originMs?: number | undefined;
}

/**
 * A series' x values on the chosen axis, or null when the run lacks what the axis needs (its
 * config is still loading). `step` returns the server's array itself: no copy for the common case.
 * Time axes are in seconds (uPlot's time scale counts seconds).
 */
export function xValues(axis: TXAxis, series: Pick<TCompareSeries, 'steps' | 'wallTimes'>, context: TXContext): TNumbers | null {
  switch (axis) {
    case 'step':
      return series.steps;
    case 'epoch': {
      const perEpoch = context.stepsPerEpoch;
      if (!perEpoch || perEpoch <= 0) return null;
      return Float64Array.from(series.steps, (step) => step / perEpoch);
    }
    case 'relative': {
      const origin = context.originMs;
      if (origin === undefined) return null;
      return Float64Array.from(series.wallTimes, (ms) => (ms - origin) / 1000);
    }
    case 'wall':
      return Float64Array.from(series.wallTimes, (ms) => ms / 1000);
  }
}

/** Each run's first point in time over all its series in the answer: the zero of `relative`. */
export function runOrigins(series: readonly Pick<TCompareSeries, 'runId' | 'wallTimes'>[]): Map<string, number> {
  const origins = new Map<string, number>();
  for (const s of series) {
    let first = Infinity;
    for (const ms of s.wallTimes) if (ms < first) first = ms;
    if (first === Infinity) continue;
    const known = origins.get(s.runId);
    if (known === undefined || first < known) origins.set(s.runId, first);
  }
  return origins;
}

/**
 * The steps to ask the server for when zoomed: only the step axis maps to a step range (epoch
 * would need every run's batch size, time axes have no step bounds), and only it refetches.
 */
export function stepWindow(axis: TXAxis, zoom: TXRange | null): { fromStep: number; toStep: number } | null {
  if (axis !== 'step' || !zoom) return null;
  return { fromStep: Math.floor(zoom.min), toStep: Math.ceil(zoom.max) };
}

/** The smallest and largest x over all series, or null when there is no point. */
export function xExtent(columns: readonly TNumbers[]): TXRange | null {
  let min = Infinity;
  let max = -Infinity;
  for (const xs of columns) {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  return min <= max ? { min, max } : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An x value as the legend header shows it. */
export function formatX(axis: TXAxis, x: number): string {
  switch (axis) {
    case 'step':
      return `step ${Math.round(x).toLocaleString('en-US')}`;
    case 'epoch':
      return `epoch ${x.toFixed(2)}`;
    case 'relative':
      return `${x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} s`;
    case 'wall': {
      const date = new Date(x * 1000);
      return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
    }
  }
}

/**
 * A dragged zoom range, rounded for the URL: whole steps on the step axis, else a thousandth of
 * the range's span (outwards, so the dragged area stays inside). Pixels don't resolve more.
 */
export function roundZoom(axis: TXAxis, range: TXRange): TXRange {
  if (axis === 'step') {
    const min = Math.floor(range.min);
    return { min, max: Math.max(min + 1, Math.ceil(range.max)) };
  }
  const span = range.max - range.min;
  const unit = 10 ** (Math.floor(Math.log10(span)) - 3);
  const round = (v: number) => Number(v.toPrecision(12));
  return { min: round(Math.floor(range.min / unit) * unit), max: round(Math.ceil(range.max / unit) * unit) };
}
