'use client';

import Link from 'next/link';
import { memo, useSyncExternalStore } from 'react';
import { valueAt } from '../lib/compare-hover';
import type { THoverStore } from '../lib/compare-hover-store';
import type { TChartData } from '../lib/compare-series';
import type { TXAxis } from '../lib/compare-url';
import { formatX } from '../lib/compare-x-axis';
import { formatMetric } from '../../../lib/format';
import { OverfitBadges } from './compare-overfit-badge';
import type { TCompareRowsView } from '../lib/compare-rows';
import { distinctiveNames } from '../lib/compare-names';

const noHover = () => null;

/**
 * The runs with their colours, overfitting badges and, while the cursor is over a chart, each
 * run's value there (smoothed, raw in brackets). Only this component re-renders on hover.
 */
export const CompareLegend = memo(function CompareLegend({
  rows,
  charts,
  hover,
  xAxis,
  highlighted,
  onHighlight,
  onRemove,
}: TCompareRowsView & {
  charts: ReadonlyMap<string, TChartData>;
  hover: THoverStore;
  xAxis: TXAxis;
  onRemove: (runId: string) => void;
}) {
  const current = useSyncExternalStore(hover.subscribe, hover.get, noHover);
  const chart = current ? charts.get(current.tag) : undefined;
  const values = new Map<string, ReturnType<typeof valueAt>>();
  if (current && chart) for (const line of chart.lines) values.set(line.runId, valueAt(line, current.x));

  const labels = new Map<string, string>();
  const named = rows.filter((r) => r.run);
  distinctiveNames(named.map((r) => r.run!.name)).forEach((label, i) => labels.set(named[i]!.runId, label));

  return (
    <section className="card compare-legend" data-testid="compare-legend" aria-label="Runs">
      <div className="compare-legend-head">
        <h2>Runs ({rows.length})</h2>
        <span className="muted small" data-testid="compare-legend-cursor">
          {current && chart ? `${current.tag} · ${formatX(xAxis, current.x)}` : 'Hover a chart to read values'}
        </span>
      </div>
      <ul className="compare-legend-list">
        {rows.map((row) => {
          const value = values.get(row.runId);
          const shown = value ? (value.smoothed ?? value.raw) : undefined;
          return (
            <li
              key={row.runId}
              className={`compare-legend-row ${highlighted === row.runId ? 'is-highlighted' : ''}`}
              data-testid="compare-legend-row"
              data-run-id={row.runId}
              onMouseEnter={() => onHighlight(row.runId)}
              onMouseLeave={() => onHighlight(null)}
            >
              <span className="run-dot" style={{ background: row.color }} aria-hidden />
              <span className="compare-legend-name">
                {row.run ? (
                  <Link href={`/runs/${row.runId}`} title={row.run.name}>
                    {labels.get(row.runId) ?? row.run.name}
                  </Link>
                ) : (
                  <span className="mono muted" title={row.runId}>
                    {row.missing ? 'missing ' : ''}
                    {row.runId.slice(0, 8)}
                  </span>
                )}
              </span>
              <span className="compare-legend-value mono" data-testid="compare-legend-value">
                {shown === undefined ? '' : formatMetric(shown)}
                {value && value.smoothed !== null && value.raw !== null && (
                  <span className="muted" title="raw value">
                    {' '}
                    ({formatMetric(value.raw)})
                  </span>
                )}
              </span>
              <button
                type="button"
                className="icon-button"
                onClick={() => onRemove(row.runId)}
                title="Remove from the comparison"
                aria-label={`Remove ${row.run?.name ?? row.runId}`}
                data-testid="compare-remove-run"
              >
                ×
              </button>
              <OverfitBadges gap={row.gap} roughness={row.roughness} roughnessExact={row.roughnessExact} />
            </li>
          );
        })}
      </ul>
    </section>
  );
});
