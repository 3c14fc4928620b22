'use client';

import type { TScalarPoint } from '@tensorscope/shared';
import { useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { useUplot } from '../hooks/use-uplot';
import { X_AXIS_LABELS } from '../features/compare/lib/compare-x-axis';
import { ChartActions } from './chart-actions';
import { countPoints } from '../lib/align-series';
import { AXIS_TEXT, GRID, legendValue, STEP_AXIS, stepChartBase, TICKS, yAxisSize } from '../lib/chart-axes';
import { formatFixed } from '../lib/format';
import { isLonePoint } from '../lib/lone-point';
import { cssVar } from '../lib/theme';
import {
  DEFAULT_RUN_CHART_SETTINGS,
  runChartData,
  type TRunChartContext,
  type TRunChartSettings,
} from '../features/runs/lib/run-chart-data';

export interface ChartSeries {
  label: string;
  color: string;
  points: readonly TScalarPoint[];
}

const HEIGHT = 240;

/**
 * A uPlot line chart of a run's series (see useUplot for its life cycle), drawn as the compare
 * view draws them: the smoothed line over its faint raw points, on the chosen x axis, linear or
 * log y. No per-point markers (only a lone value gets one, see isLonePoint).
 */
export function MetricChart({
  title,
  testId,
  series,
  settings = DEFAULT_RUN_CHART_SETTINGS,
  context = {},
  height = HEIGHT,
}: {
  title: string;
  testId: string;
  series: ChartSeries[];
  settings?: TRunChartSettings;
  context?: TRunChartContext;
  height?: number;
}) {
  const frameRef = useRef<HTMLElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  // Full screen: the plot takes the screen's height, less the title row.
  const plotHeight = fullscreen && typeof window !== 'undefined' ? Math.max(height, window.innerHeight - 90) : height;
  const { data, columns } = useMemo(
    () =>
      runChartData(
        series.map((s) => s.points),
        settings,
        context,
      ),
    [series, settings, context],
  );
  // Raw columns only: the smoothed ones repeat the same points.
  const pointCount = countPoints([data[0], ...data.slice(1).filter((_, i) => columns[i]!.kind === 'raw')] as typeof data);
  // Series, colours, axis and scale fix the plot's shape; only a change there rebuilds it.
  const shape = `${series.map((s) => `${s.label}:${s.color}`).join('|')}|${settings.x}|${settings.logY}|${settings.smoothing > 0}`;

  const containerRef = useUplot(
    (width): uPlot.Options => ({
      ...stepChartBase(width, plotHeight),
      scales: { x: { time: settings.x === 'wall' }, y: settings.logY ? { distr: 3 } : {} },
      axes: [
        settings.x === 'step'
          ? STEP_AXIS
          : { label: X_AXIS_LABELS[settings.x], labelSize: 20, size: 36, stroke: AXIS_TEXT, grid: GRID, ticks: TICKS },
        { size: yAxisSize, stroke: AXIS_TEXT, grid: GRID, ticks: TICKS },
      ],
      series: [
        { label: X_AXIS_LABELS[settings.x] },
        ...columns.map<uPlot.Series>(({ series: index, kind }) => {
          const s = series[index]!;
          const faint = kind === 'raw' && settings.smoothing > 0;
          return {
            label: faint ? `${s.label} (raw)` : s.label,
            stroke: faint ? `${s.color}40` : s.color,
            width: faint ? 1 : 1.5,
            // No per-point markers, except for a lone value (no line to draw); hollow ones take the
            // card's colour (uPlot's default white glares in dark mode).
            points: {
              show: (u, seriesIdx, idx0, idx1) => isLonePoint(u.data[seriesIdx] as (number | null)[], idx0, idx1),
              fill: () => cssVar('--surface', '#ffffff'),
            },
            spanGaps: true,
            value: legendValue((value) => formatFixed(value, 4)),
          };
        }),
      ],
    }),
    data as uPlot.AlignedData,
    shape,
    plotHeight,
  );

  return (
    <section className="card chart-card" ref={frameRef}>
      <div className="chart-head">
        <h2>{title}</h2>
        <ChartActions
          title={title}
          xLabel={X_AXIS_LABELS[settings.x]}
          plotBox={containerRef}
          frame={frameRef}
          onFullscreen={setFullscreen}
        />
      </div>
      <div className="chart" data-testid={testId} data-points={pointCount}>
        <div ref={containerRef} className="chart-plot" />
        {pointCount === 0 && <div className="chart-empty muted">No points yet</div>}
      </div>
    </section>
  );
}
