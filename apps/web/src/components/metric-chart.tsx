'use client';

import type { TScalarPoint } from '@tensorscope/shared';
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { alignSeries, countPoints } from '../lib/align-series';

export interface ChartSeries {
  label: string;
  color: string;
  points: readonly TScalarPoint[];
  /** Sparse series (test evaluations) get markers so a single point is visible. */
  markers?: boolean;
}

const HEIGHT = 240;
/** Steps are integers: tick spacings of 1, 2, 5, 10, 20, 50… never 12.5. */
const STEP_INCREMENTS = Array.from({ length: 10 }, (_, exp) => [1, 2, 5].map((m) => m * 10 ** exp)).flat();

/**
 * A uPlot line chart over steps. uPlot is imperative: the plot is built once per mount,
 * fed with setData as points arrive, resized with its container, destroyed on unmount.
 */
export function MetricChart({ title, testId, series }: { title: string; testId: string; series: ChartSeries[] }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const data = useMemo(() => alignSeries(series.map((s) => s.points)), [series]);
  const pointCount = countPoints(data);
  const latestData = useRef(data);
  latestData.current = data;
  // Series names and colours fix the plot's shape; only a change there rebuilds it.
  const shape = series.map((s) => `${s.label}:${s.color}:${s.markers ? 1 : 0}`).join('|');

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const options: uPlot.Options = {
      width: Math.max(200, Math.floor(container.clientWidth)),
      height: HEIGHT,
      scales: { x: { time: false } },
      cursor: { drag: { x: true, y: false } },
      axes: [
        { label: 'step', labelSize: 20, size: 36, incrs: STEP_INCREMENTS, grid: { stroke: '#eef0f3' }, ticks: { stroke: '#d6dae0' } },
        { size: 52, grid: { stroke: '#eef0f3' }, ticks: { stroke: '#d6dae0' } },
      ],
      series: [
        { label: 'step' },
        ...series.map<uPlot.Series>((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          spanGaps: true,
          // Dense series keep uPlot's default (dots only when zoomed in far enough).
          ...(s.markers ? { points: { show: true, size: 5, fill: s.color } } : {}),
          value: (_plot, value) => (value === null || value === undefined ? '—' : value.toFixed(4)),
        })),
      ],
    };
    const plot = new uPlot(options, latestData.current as uPlot.AlignedData, container);
    plotRef.current = plot;
    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: HEIGHT });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // `series` is read through `shape`; new points go through setData below, not a rebuild.
  }, [shape]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    plotRef.current?.setData(data as uPlot.AlignedData);
  }, [data]);

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
