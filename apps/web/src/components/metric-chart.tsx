'use client';

import type { TScalarPoint } from '@tensorscope/shared';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useUplot } from '../hooks/use-uplot';
import { alignSeries, countPoints } from '../lib/align-series';
import { formatFixed } from '../lib/format';
import { GRID, legendValue, STEP_AXIS, stepChartBase, TICKS } from '../lib/chart-axes';

export interface ChartSeries {
  label: string;
  color: string;
  points: readonly TScalarPoint[];
  /** Sparse series (test evaluations) get markers so a single point is visible. */
  markers?: boolean;
}

const HEIGHT = 240;

/** A uPlot line chart over steps (see useUplot for its life cycle). */
export function MetricChart({ title, testId, series }: { title: string; testId: string; series: ChartSeries[] }) {
  const data = useMemo(() => alignSeries(series.map((s) => s.points)), [series]);
  const pointCount = countPoints(data);
  // Series names and colours fix the plot's shape; only a change there rebuilds it.
  const shape = series.map((s) => `${s.label}:${s.color}:${s.markers ? 1 : 0}`).join('|');

  const containerRef = useUplot(
    (width): uPlot.Options => ({
      ...stepChartBase(width, HEIGHT),
      axes: [STEP_AXIS, { size: 52, grid: GRID, ticks: TICKS }],
      series: [
        { label: 'step' },
        ...series.map<uPlot.Series>((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          spanGaps: true,
          // Dense series keep uPlot's default (dots only when zoomed in far enough).
          ...(s.markers ? { points: { show: true, size: 5, fill: s.color } } : {}),
          value: legendValue((value) => formatFixed(value, 4)),
        })),
      ],
    }),
    data as uPlot.AlignedData,
    shape,
    HEIGHT,
  );

  return (
    <section className="card chart-card">
      <h2>{title}</h2>
      <div className="chart" data-testid={testId} data-points={pointCount}>
        <div ref={containerRef} className="chart-plot" />
        {pointCount === 0 && <div className="chart-empty muted">No points yet</div>}
      </div>
    </section>
  );
}
