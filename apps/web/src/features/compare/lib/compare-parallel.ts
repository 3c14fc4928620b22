import { configCell, formatConfigValue } from './compare-hparams';

/*
 * Axes of the parallel-coordinates chart: one per config field that differs between the runs,
 * plus final test accuracy. Positions are fractions of the axis height (0 = bottom, 1 = top);
 * a run without a value on an axis (a field its model lacks) gets null and is drawn below it.
 */

export interface TParallelTick {
  label: string;
  pos: number;
}

export interface TParallelAxis {
  key: string;
  label: string;
  kind: 'numeric' | 'categorical';
  log: boolean;
  ticks: TParallelTick[];
  position: (value: unknown) => number | null;
}

/** Spans of two decades or more (learning rates) read better on a log axis. */
const LOG_RATIO = 100;

const formatNumber = (value: number) =>
  Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(1) : String(Number(value.toPrecision(3)));

export function numericAxis(key: string, label: string, values: readonly number[], format = formatNumber): TParallelAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const log = finite.length > 0 && min > 0 && max / min >= LOG_RATIO;
  const toUnit = (v: number) => (log ? Math.log10(v) : v);
  const lo = toUnit(min);
  const hi = toUnit(max);
  const position = (value: unknown): number | null => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (log && value <= 0)) return null;
    return hi > lo ? (toUnit(value) - lo) / (hi - lo) : 0.5;
  };
  const ticks: TParallelTick[] =
    finite.length === 0
      ? []
      : hi > lo
        ? [
            { label: format(min), pos: 0 },
            { label: format(max), pos: 1 },
          ]
        : [{ label: format(min), pos: 0.5 }];
  if (hi > lo && !log) ticks.splice(1, 0, { label: format((min + max) / 2), pos: 0.5 });
  if (hi > lo && log) ticks.splice(1, 0, { label: format(10 ** ((lo + hi) / 2)), pos: 0.5 });
  return { key, label, kind: 'numeric', log, ticks, position };
}

export function categoricalAxis(key: string, label: string, values: readonly unknown[]): TParallelAxis {
  const collator = new Intl.Collator('en', { numeric: true });
  const categories = [...new Set(values.filter((v) => v !== undefined && v !== null).map((v) => formatConfigValue(v)))].sort(
    collator.compare,
  );
  const posOf = (i: number) => (categories.length > 1 ? i / (categories.length - 1) : 0.5);
  const index = new Map(categories.map((c, i) => [c, i]));
  return {
    key,
    label,
    kind: 'categorical',
    log: false,
    ticks: categories.map((c, i) => ({ label: c, pos: posOf(i) })),
    position: (value) => {
      if (value === undefined || value === null) return null;
      const i = index.get(formatConfigValue(value));
      return i === undefined ? null : posOf(i);
    },
  };
}

/** An axis for a config field: numeric when every present value is a number, else categorical. */
export function fieldAxis(field: string, values: readonly unknown[]): TParallelAxis {
  const present = values.filter((v) => v !== undefined && v !== null);
  const numeric = present.length > 0 && present.every((v) => typeof configCell(v) === 'number');
  const label = axisLabel(field);
  return numeric ? numericAxis(field, label, present as number[]) : categoricalAxis(field, label, present);
}

/** An axis title short enough for its column: network.layers.0.filters reads "L0 filters". */
export const axisLabel = (field: string): string => field.replace(/^network\.layers\.(\d+)\./, 'L$1 ');
