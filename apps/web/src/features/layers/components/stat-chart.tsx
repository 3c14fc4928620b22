'use client';

import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useUplot } from '../../../hooks/use-uplot';
import { alignSeries, countPoints } from '../../../lib/align-series';
import { axisSize, formatTick, FRACTION_RANGE, STEP_INCREMENTS } from '../../../lib/chart-format';
import { AXIS_TEXT, GRID, legendValue, stepAxisSplits, TICKS } from '../../../lib/chart-axes';
import { formatMetric } from '../../../lib/format';
import type { ChartSeries } from '../../../components/metric-chart';

const HEIGHT = 140;
const FONT = '11px system-ui, sans-serif';
const SMALL_TICKS = { ...TICKS, size: 4 };

/**
 * One small multiple: a compact uPlot line chart of one statistic over steps. Charts that
 * share `syncKey` move their cursors together, so one step can be read across all of them.
 */
export function StatChart({
  title,
  tag,
  series,
  syncKey,
  fraction = false,
}: {
  title: string;
  /** The scalar tag shown, for tests and tooltips (absent when the chart overlays several). */
  tag?: string;
  series: ChartSeries[];
  syncKey: string;
  /** A share in [0, 1] (dead units): the y axis is 0–1 whatever the values. */
  fraction?: boolean;
}) {
  const data = useMemo(() => alignSeries(series.map((s) => s.points)), [series]);
  const pointCount = countPoints(data);
  const shape = `${syncKey}|${fraction ? 'fraction' : ''}|${series.map((s) => `${s.label}:${s.color}`).join('|')}`;

  const containerRef = useUplot(
    (width): uPlot.Options => ({
      width,
      height: HEIGHT,
      scales: { x: { time: false }, ...(fraction ? { y: { range: FRACTION_RANGE } } : {}) },
      cursor: { sync: { key: syncKey }, drag: { x: true, y: false } },
      axes: [
        { size: 26, font: FONT, incrs: STEP_INCREMENTS, splits: stepAxisSplits, stroke: AXIS_TEXT, grid: GRID, ticks: SMALL_TICKS },
        {
          size: (_plot, values) => axisSize(values, 6.5),
          font: FONT,
          stroke: AXIS_TEXT,
          grid: GRID,
          ticks: SMALL_TICKS,
          values: (_plot, splits) => splits.map(formatTick),
        },
      ],
      series: [
        { label: 'step' },
        ...series.map<uPlot.Series>((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.25,
          spanGaps: true,
          value: legendValue(formatMetric),
        })),
      ],
    }),
    data as uPlot.AlignedData,
    shape,
    HEIGHT,
  );

  return (
    <div className="stat-chart chart" data-testid="stat-chart" data-tag={tag} data-points={pointCount} title={tag}>
      <h3>{title}</h3>
      <div ref={containerRef} className="chart-plot" />
      {pointCount === 0 && <div className="chart-empty muted">No points yet</div>}
    </div>
  );
}
