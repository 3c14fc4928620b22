import type uPlot from 'uplot';
import { STEP_INCREMENTS, stepSplits } from './chart-format';
import { cssVar } from './theme';

/*
 * The parts every uPlot chart of the dashboard shares, so the run, layer and distribution charts
 * look alike (light grid, grey ticks, integer step ticks) and read a missing value the same way.
 */

// Read from the theme's CSS variables at each draw (uPlot calls these), so dark mode needs only a redraw.
export const GRID: uPlot.Axis.Grid = { stroke: () => cssVar('--chart-grid', '#eef0f3') };
export const TICKS: uPlot.Axis.Ticks = { stroke: () => cssVar('--chart-ticks', '#d6dae0') };
/** Tick labels and axis titles. */
export const AXIS_TEXT: uPlot.Axis.Stroke = () => cssVar('--chart-text', '#1c2128');

/** Step ticks for the width the plot has (see stepSplits), in CSS px. */
export const stepAxisSplits = (self: uPlot, _axis: number, min: number, max: number): number[] =>
  stepSplits(min, max, self.bbox.width / (globalThis.devicePixelRatio || 1));

/** The labelled step axis under the full-size charts. */
export const STEP_AXIS: uPlot.Axis = {
  label: 'step',
  labelSize: 20,
  size: 36,
  incrs: STEP_INCREMENTS,
  splits: stepAxisSplits,
  stroke: AXIS_TEXT,
  grid: GRID,
  ticks: TICKS,
};

/** Size, numeric x scale and horizontal drag-to-zoom of a chart over steps. */
export const stepChartBase = (width: number, height: number) => ({
  width,
  height,
  scales: { x: { time: false } },
  cursor: { drag: { x: true, y: false } },
});

/** A legend value: the formatted number, or a dash where the series has no point at that step. */
export const legendValue =
  (format: (value: number) => string) =>
  (_plot: uPlot, value: number | null | undefined): string =>
    value === null || value === undefined ? '—' : format(value);

/** Px per character of a tick label (the axis font is 12 px) and the gap to the plot. */
const TICK_CHAR_PX = 7;
const TICK_GAP_PX = 14;

/**
 * A y axis as wide as its longest tick label: a fixed width cut labels such as "101.75"
 * (CPU %) or "1,000" to their last digits.
 */
export const yAxisSize = (_self: uPlot, values: string[] | null): number =>
  Math.max(40, TICK_GAP_PX + TICK_CHAR_PX * Math.max(0, ...(values ?? []).map((v) => v.length)));
