'use client';

import { useRef, useState } from 'react';
import { ChartActions } from '../../../components/chart-actions';
import { CHART_GAP } from '../lib/compare-layout';
import { X_AXIS_LABELS } from '../lib/compare-x-axis';
import type { TChartData } from '../lib/compare-series';
import { CompareChart, type CompareChartProps } from './compare-chart';

const SMOOTHED_ON_NOTE = {
  full: {
    label: 'smoothed on every point',
    title: 'The server smoothed each run on its full-resolution series, then downsampled it: the curve is exact.',
  },
  buckets: {
    label: 'smoothed on bucket means',
    title:
      'At least one series was too long to smooth point by point for a comparison: the same smoother ran over ' +
      'count-weighted bucket means. The curve keeps its shape across zoom levels but is not point-exact.',
  },
} as const;

function ChartNotes({ data, log }: { data: TChartData; log: boolean }) {
  const notes = [];
  if (data.smoothedOn) {
    const note = SMOOTHED_ON_NOTE[data.smoothedOn];
    notes.push(
      <span key="smooth" className={`chart-note chart-note--${data.smoothedOn}`} title={note.title} data-testid="smoothed-on">
        {note.label}
      </span>,
    );
  }
  if (data.totalPoints > data.shownPoints) {
    notes.push(
      <span
        key="down"
        className="chart-note"
        title="Downsampled on the server: each bucket keeps its first, last, lowest and highest point, so no spike is hidden. Zoom in (step axis) for full detail."
      >
        {data.shownPoints.toLocaleString('en-US')} of {data.totalPoints.toLocaleString('en-US')} points
      </span>,
    );
  }
  if (log && data.droppedNonPositive > 0) {
    notes.push(
      <span key="log" className="chart-note chart-note--warn" data-testid="log-dropped">
        {data.droppedNonPositive.toLocaleString('en-US')} values ≤ 0 not shown (log scale)
      </span>,
    );
  }
  if (data.unplaced > 0) {
    notes.push(
      <span key="unplaced" className="chart-note">
        {data.unplaced} run{data.unplaced === 1 ? '' : 's'} waiting for {data.unplaced === 1 ? 'its' : 'their'} config
      </span>,
    );
  }
  return notes.length > 0 ? <div className="chart-notes">{notes}</div> : null;
}

/** One card per tag, in a grid measured by the caller (its width sets the server's bucket count). */
export function CompareCharts({
  gridRef,
  columns,
  charts,
  loading,
  refreshing,
  height,
  ...chart
}: {
  gridRef: (element: HTMLDivElement | null) => void;
  /** Charts per row; the caller picks it with the bucket count (see compare-layout). */
  columns: number;
  charts: readonly TChartData[];
  loading: boolean;
  refreshing: boolean;
  /** Plot height of the page's chart size. */
  height: number;
} & Omit<CompareChartProps, 'data' | 'height'>) {
  return (
    <div
      ref={gridRef}
      className={`compare-charts ${refreshing ? 'is-refreshing' : ''}`}
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: CHART_GAP }}
      data-testid="compare-charts"
    >
      {charts.map((data) => (
        <CompareChartCard key={data.tag} data={data} loading={loading} height={height} chart={chart} />
      ))}
    </div>
  );
}

/** One tag's card: its title and notes, PNG/SVG downloads and a full-screen view, and the chart. */
function CompareChartCard({
  data,
  loading,
  height,
  chart,
}: {
  data: TChartData;
  loading: boolean;
  height: number;
  chart: Omit<CompareChartProps, 'data' | 'height'>;
}) {
  const frameRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const plotHeight = fullscreen ? Math.max(height, window.innerHeight - 110) : height;
  return (
    <section
      ref={frameRef}
      className="card compare-chart-card"
      data-testid="compare-chart"
      data-tag={data.tag}
      data-series={data.lines.length}
      data-loading={loading ? 'true' : 'false'}
    >
      <div className="compare-chart-head">
        <h3 className="mono">{data.tag}</h3>
        <ChartNotes data={data} log={chart.log} />
        <ChartActions
          title={data.tag}
          xLabel={X_AXIS_LABELS[chart.xAxis]}
          plotBox={plotRef}
          frame={frameRef}
          onFullscreen={setFullscreen}
        />
      </div>
      <div className="chart compare-chart" ref={plotRef}>
        {data.lines.length > 0 ? (
          <CompareChart data={data} {...chart} height={plotHeight} />
        ) : (
          <div className="chart-empty muted">{loading ? 'Loading…' : 'No selected run has logged this tag (in this range).'}</div>
        )}
      </div>
    </section>
  );
}
