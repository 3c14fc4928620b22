'use client';

import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { useUplot } from '../../../hooks/use-uplot';
import { axisSize, formatTick, STEP_INCREMENTS } from '../../../lib/chart-format';
import { AXIS_TEXT, GRID, stepAxisSplits, TICKS } from '../../../lib/chart-axes';
import { switchableYAxis, switchableYScale } from '../../../lib/chart-y-scale';
import { withAlpha } from '../lib/compare-colors';
import { CROWD } from '../lib/compare-layout';
import type { THoverStore } from '../lib/compare-hover-store';
import { focusSeriesIndex, seriesLayout, type TChartData } from '../lib/compare-series';
import type { TXAxis, TXRange } from '../lib/compare-url';
import { X_AXIS_LABELS, xExtent, type TNumbers } from '../lib/compare-x-axis';
import { drawableRange, visibleValues, yRange } from '../lib/compare-y-range';

const HEIGHT = 260;
const FONT = '11px system-ui, sans-serif';
/** Alpha of the raw line behind a smoothed one (TensorBoard draws it faint in the same colour). */
const RAW_ALPHA = 0.22;
/** Width of a run's solid line; in a crowd (compare-layout's CROWD) one pixel, which the canvas draws as a hairline several times faster. */
const LINE_WIDTH = 1.5;
const CROWD_LINE_WIDTH = 1;
/** Series this sparse get markers, or a lone test point would be invisible. */
const SPARSE_POINTS = 40;
const SMALL_TICKS = { ...TICKS, size: 4 };

export interface CompareChartProps {
  data: TChartData;
  xAxis: TXAxis;
  log: boolean;
  ignoreOutliers: boolean;
  zoom: TXRange | null;
  onZoom: (range: TXRange) => void;
  onResetZoom: () => void;
  hover: THoverStore;
  /** Run to bring forward (hovered in the legend or a table), or null. */
  highlighted: string | null;
  /** Plot height, CSS px (the page's S/M/L size, or the screen in full screen). */
  height?: number;
}

const allIndices = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * One tag, one line per run (uPlot's faceted mode: each run keeps its own x array, see
 * compare-series). With smoothing, each run is a faint raw line plus the solid smoothed one.
 * The plot is built once per shape (runs, colours, axes); new data, zoom and y range go through
 * setData, and hovering only writes the cursor's x into the hover store the legend reads.
 */
export const CompareChart = memo(function CompareChart({
  data,
  xAxis,
  log,
  ignoreOutliers,
  zoom,
  onZoom,
  onResetZoom,
  hover,
  highlighted,
  height = HEIGHT,
}: CompareChartProps) {
  const { lines, tag } = data;
  const extent = useMemo(() => xExtent(lines.map((l) => l.xs)), [lines]);
  const xRange = zoom ?? extent;
  // The y range follows what is visible: the zoomed x range, raw values (smoothed curves stay inside them).
  const yFit = useMemo(
    () =>
      yRange(
        visibleValues(
          lines.map((l) => ({ xs: l.xs, ys: l.raw })),
          zoom,
          log,
        ),
        { ignoreOutliers, log },
      ),
    [lines, zoom, log, ignoreOutliers],
  );

  const callbacks = useRef({ onZoom, onResetZoom, hover, tag });
  callbacks.current = { onZoom, onResetZoom, hover, tag };

  // The data and the ranges it is drawn in, as one value: a zoom or y-fit change makes a fresh
  // outer array, so useUplot calls setData, which re-runs the range functions (they read `ranges`),
  // and zoom and y fit apply without rebuilding the plot.
  const [xMin, xMax, yLo, yHi] = [xRange?.min, xRange?.max, yFit?.[0], yFit?.[1]];
  const plotted = useMemo(() => {
    const columns = seriesLayout(lines).map(({ line, smoothed }) => {
      const l = lines[line]!;
      if (!smoothed) return [l.xs, l.raw];
      const drawn = l.smoothedDrawn ?? { xs: l.xs, ys: l.smoothed };
      return [drawn.xs, drawn.ys];
    });
    return {
      // Faceted data: index 0 is unused, then [xs, ys] per series.
      data: [null, ...columns] as unknown as uPlot.AlignedData,
      x: xMin === undefined || xMax === undefined ? null : ([xMin, xMax] as const),
      y: yLo === undefined || yHi === undefined ? null : ([yLo, yHi] as const),
      // The y mapping too: a log toggle reaches uPlot as new data, which re-fits the scale through it.
      log,
    };
  }, [lines, xMin, xMax, yLo, yHi, log]);
  const ranges = useRef({ x: plotted.x, y: plotted.y, log });
  ranges.current = { x: plotted.x, y: plotted.y, log: plotted.log };

  // The plot, once ready (uPlot fires `ready` after its first draw, a microtask after mounting).
  const plotRef = useRef<uPlot | null>(null);
  const focus = useRef({ lines, highlighted });
  focus.current = { lines, highlighted };
  // The series the plot has focused (null: none, as a new plot starts). setSeries redraws every
  // series, so it is called only for a change: unconditionally, each rebuild and each new answer
  // drew the whole chart a second time.
  const focused = useRef<number | null>(null);
  const applyFocus = useCallback(() => {
    const { lines: current, highlighted: runId } = focus.current;
    const wanted = runId ? focusSeriesIndex(current, runId) : null;
    if (!plotRef.current || wanted === focused.current) return;
    focused.current = wanted;
    plotRef.current.setSeries(wanted, { focus: true });
  }, []);

  // The runs (and so whether they are a crowd) are part of it: line widths are fixed at build.
  // Not the y scale: it switches between linear and log in place (chart-y-scale). Not the colours:
  // strokes read them at draw time, since adding one run to 100 moves some others' colour slots
  // (compare-colors), and that rebuilt the plot before the new run's data had even come.
  const shape = `${xAxis}|${lines.map((l) => `${l.runId}:${l.smoothed ? 's' : 'r'}`).join(',')}`;

  const containerRef = useUplot(
    (width): uPlot.Options => {
      const facets = (): uPlot.Series.Facet[] => [
        { scale: 'x', auto: true, sorted: 0 },
        { scale: 'y', auto: true },
      ];
      // A line's colour as of the latest render (same series layout while the shape is the same).
      const colorOf = (index: number) => () => focus.current.lines[index]?.color ?? lines[index]!.color;
      // Markers only where a series is sparse; decided at draw time, so live growth needs no rebuild.
      const markers = (color: () => string): uPlot.Series.Points => ({
        show: false,
        size: 5,
        fill: color,
        stroke: color,
        filter: (u, seriesIdx) => {
          const n = (u.data[seriesIdx] as unknown as [TNumbers] | undefined)?.[0]?.length ?? 0;
          return n > 0 && n <= SPARSE_POINTS ? allIndices(n) : null;
        },
      });
      // Same order as the data (seriesLayout): every faint raw line, then every solid one.
      const solidWidth = lines.length > CROWD ? CROWD_LINE_WIDTH : LINE_WIDTH;
      const series: uPlot.Series[] = [{}];
      for (const { line: index, smoothed } of seriesLayout(lines)) {
        const faint = !smoothed && lines[index]!.smoothed !== null;
        const color = colorOf(index);
        series.push({
          stroke: faint ? () => withAlpha(color(), RAW_ALPHA) : color,
          width: faint ? 1 : solidWidth,
          facets: facets(),
          points: faint ? { show: false } : markers(color),
        });
      }
      return {
        mode: 2,
        width,
        height,
        legend: { show: false },
        // Hovering a run in the legend or a table dims the others (see the focus effect below).
        focus: { alpha: 0.15 },
        scales: {
          x: { time: xAxis === 'wall', auto: true, range: (_u, min, max) => drawableRange(ranges.current.x, min, max, false) },
          y: switchableYScale(
            () => ranges.current.log,
            (_u, min, max) => drawableRange(ranges.current.y, min, max, ranges.current.log),
          ),
        },
        cursor: {
          drag: { x: true, y: false, setScale: false },
          points: { show: false },
          // Values under the cursor are looked up by the legend (binary search per run), not by uPlot.
          dataIdx: () => null,
          // Double-click resets the zoom, which lives in the URL, not in uPlot.
          bind: { dblclick: () => null },
        },
        axes: [
          {
            scale: 'x',
            label: X_AXIS_LABELS[xAxis],
            labelSize: 18,
            labelFont: FONT,
            // Wall-time ticks take two lines (time, then date at day changes).
            size: xAxis === 'wall' ? 44 : 30,
            font: FONT,
            stroke: AXIS_TEXT,
            grid: GRID,
            ticks: SMALL_TICKS,
            ...(xAxis === 'step' ? { incrs: STEP_INCREMENTS, splits: stepAxisSplits } : {}),
          },
          {
            scale: 'y',
            size: (_u, values) => axisSize(values, 6.5),
            font: FONT,
            stroke: AXIS_TEXT,
            grid: GRID,
            ticks: SMALL_TICKS,
            // Our own log splits: uPlot's loop forever on a fitted minimum just under a power of ten (see chart-log-axis).
            ...switchableYAxis(() => ranges.current.log),
            // A log axis thins its labels by handing some splits over as null.
            values: (_u, splits) => splits.map((v) => (v === null || v === undefined ? '' : formatTick(v))),
          },
        ],
        series,
        hooks: {
          setCursor: [
            (u) => {
              const left = u.cursor.left ?? -1;
              const { hover: store, tag: current } = callbacks.current;
              if (left >= 0) store.set({ tag: current, x: u.posToVal(left, 'x') });
              // Leaving (or a redraw while another chart is hovered) clears only this chart's hover.
              else if (store.get()?.tag === current) store.set(null);
            },
          ],
          setSelect: [
            (u) => {
              const { left, width: selected } = u.select;
              if (selected > 2) {
                const min = u.posToVal(left, 'x');
                const max = u.posToVal(left + selected, 'x');
                if (Number.isFinite(min) && Number.isFinite(max) && min < max) callbacks.current.onZoom({ min, max });
              }
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
          ready: [
            (u) => {
              plotRef.current = u;
              focused.current = null;
              u.over.addEventListener('dblclick', () => callbacks.current.onResetZoom());
              applyFocus();
            },
          ],
          // Timestamps of finished draws, for the compare benchmark (e2e/bench): data → pixels.
          // `paintedAt`: after the next frame, which rasterises the canvas (no GPU: on the main thread).
          draw: [
            (u) => {
              const w = window as unknown as { __compareDraws?: { tag: string; series: number; at: number; paintedAt?: number }[] };
              const draw: { tag: string; series: number; at: number; paintedAt?: number } = {
                tag: callbacks.current.tag,
                series: u.series.length - 1,
                at: performance.now(),
              };
              (w.__compareDraws ??= []).push(draw);
              requestAnimationFrame(() => setTimeout(() => (draw.paintedAt = performance.now())));
            },
          ],
          destroy: [() => (plotRef.current = null)],
        },
      };
    },
    plotted.data,
    shape,
    height,
  );

  // focus.current already holds these; they are what makes the focus worth checking again.
  useEffect(() => applyFocus(), [applyFocus, highlighted, lines]);

  return <div ref={containerRef} className="chart-plot" />;
});
