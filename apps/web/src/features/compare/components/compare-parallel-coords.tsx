'use client';

import { memo, useMemo } from 'react';
import { comparableConfig, configFields } from '../lib/compare-hparams';
import { fieldAxis, numericAxis, type TParallelAxis } from '../lib/compare-parallel';
import type { TCompareRow, TCompareRowsView } from '../lib/compare-rows';
import { formatAccuracy } from '../../../lib/format';

const WIDTH = 960;
const HEIGHT = 300;
const MARGIN = { top: 34, right: 60, bottom: 36, left: 60 };
/** Where a run without a value on an axis is drawn: a row below the axes, labelled "n/a". */
const MISSING_Y = HEIGHT - 12;
/** More axes than this get too tight to read; the first ones (most telling fields) are kept. */
const MAX_FIELD_AXES = 10;

const configOf = (row: TCompareRow) => (row.run ? comparableConfig(row.run.config) : undefined);

/**
 * One vertical axis per config field that differs between the runs, plus final test accuracy;
 * one polyline per run in its colour. Hovering a line (or the run anywhere else) highlights it.
 */
export const CompareParallelCoords = memo(function CompareParallelCoords({ rows, highlighted, onHighlight }: TCompareRowsView) {
  const loaded = useMemo(() => rows.filter((row) => row.run), [rows]);
  const axes = useMemo<TParallelAxis[]>(() => {
    const configs = loaded.map((row) => configOf(row)!);
    const fields = configFields(configs).varying.slice(0, MAX_FIELD_AXES);
    const accuracy = loaded.flatMap((row) => {
      const value = row.run?.finalMetrics?.['test/accuracy'];
      return value === undefined ? [] : [value];
    });
    return [
      ...fields.map((field) =>
        fieldAxis(
          field,
          configs.map((c) => c[field]),
        ),
      ),
      numericAxis('test/accuracy', 'final test acc.', accuracy, (v) => formatAccuracy(v)),
    ];
  }, [loaded]);

  const fieldAxes = axes.length - 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const axisX = (i: number) => MARGIN.left + (axes.length > 1 ? (i / (axes.length - 1)) * plotWidth : plotWidth / 2);
  const posY = (pos: number | null) => (pos === null ? MISSING_Y : MARGIN.top + (1 - pos) * plotHeight);
  const valueOn = (axis: TParallelAxis, row: TCompareRow) =>
    axis.key === 'test/accuracy' ? row.run?.finalMetrics?.['test/accuracy'] : configOf(row)?.[axis.key];

  return (
    <section className="card" aria-label="Parallel coordinates">
      <h2>Config vs. test accuracy</h2>
      <div data-testid="parallel-coords" data-axes={axes.length} data-lines={loaded.length}>
        {loaded.length < 2 || fieldAxes === 0 ? (
          <p className="muted">
            {loaded.length < 2
              ? 'Select at least two runs to compare their configurations.'
              : 'These runs share the same configuration: there is no axis to draw.'}
          </p>
        ) : (
          <svg
            className="parallel-coords"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label="Parallel coordinates of config fields and final test accuracy"
            onMouseLeave={() => onHighlight(null)}
          >
            <text x={8} y={MISSING_Y + 4} className="pc-missing-label">
              n/a
            </text>
            {loaded.map((row) => {
              const points = axes.map((axis, i) => `${axisX(i)},${posY(axis.position(valueOn(axis, row)))}`).join(' ');
              const active = highlighted === row.runId;
              return (
                <polyline
                  key={row.runId}
                  points={points}
                  fill="none"
                  stroke={row.color}
                  strokeWidth={active ? 3.5 : 1.75}
                  strokeOpacity={highlighted && !active ? 0.15 : 0.85}
                  strokeLinejoin="round"
                  className="pc-line"
                  data-run-id={row.runId}
                  onMouseEnter={() => onHighlight(row.runId)}
                >
                  <title>{row.run!.name}</title>
                </polyline>
              );
            })}
            {axes.map((axis, i) => (
              <g key={axis.key} transform={`translate(${axisX(i)},0)`}>
                <line y1={MARGIN.top} y2={MARGIN.top + plotHeight} className="pc-axis" />
                <text y={MARGIN.top - 14} textAnchor="middle" className="pc-axis-label">
                  {axis.label}
                  {axis.log ? ' (log)' : ''}
                </text>
                {axis.ticks.map((tick) => (
                  <text key={`${tick.label}:${tick.pos}`} x={-6} y={posY(tick.pos) + 4} textAnchor="end" className="pc-tick">
                    {tick.label}
                  </text>
                ))}
              </g>
            ))}
          </svg>
        )}
      </div>
    </section>
  );
});
