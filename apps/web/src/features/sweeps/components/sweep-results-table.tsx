'use client';

import type { TRun, TSweep } from '@tensorscope/shared';
import Link from 'next/link';
import { useMemo, useState, type ReactNode } from 'react';
import { formatAccuracy, formatMetric, formatTimestamp } from '../../../lib/format';
import { RESULT_COLUMNS, bestRunId, nextSort, sortSweepRows, sweepRows, type TSort, type TSortKey } from '../lib/sweep-results';
import { RunStateCells } from '../../../components/run-state-cells';

const formatResult = (tag: string, value: number | undefined) => (tag.endsWith('accuracy') ? formatAccuracy(value) : formatMetric(value));

/**
 * One row per run: the values it was swept with, its status (live), and its final and best
 * metrics. Any column sorts; the run with the best test accuracy is highlighted.
 */
export function SweepResultsTable({ sweep, runs }: { sweep: TSweep; runs: readonly TRun[] }) {
  const [sort, setSort] = useState<TSort>({ key: 'order', dir: 'asc' });
  const rows = useMemo(() => sweepRows(sweep, runs), [sweep, runs]);
  const sorted = useMemo(() => sortSweepRows(rows, sort), [rows, sort]);
  const best = bestRunId(rows);

  const header = (key: TSortKey, label: ReactNode, className?: string) => {
    const active = sort.key === key;
    return (
      <th key={key} className={className} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button
          type="button"
          className="sort-button"
          data-testid={`sweep-sort-${key.replace(/[:/]/g, '-')}`}
          onClick={() => setSort(nextSort(sort, key))}
        >
          {label}
          <span className="sort-mark" aria-hidden>
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  if (runs.length === 0) return <p className="muted">This sweep has no runs.</p>;
  return (
    <section className="card">
      <h2>Results</h2>
      <div className="table-wrap">
        <table className="table runs-table sweep-results" data-testid="sweep-results">
          <thead>
            <tr>
              {header('order', '#')}
              {sweep.axes.map((axis) => header(`axis:${axis.field}`, axis.field))}
              {header('status', 'Status')}
              <th className="col-progress-sm">Progress</th>
              {RESULT_COLUMNS.map((column) => header(column.key as TSortKey, column.label, 'num'))}
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ run, order, axisValues, metrics }) => {
              const isBest = run.id === best;
              return (
                <tr
                  key={run.id}
                  className={isBest ? 'sweep-row--best' : undefined}
                  data-testid="sweep-run-row"
                  data-run-id={run.id}
                  data-status={run.status}
                  data-best={isBest || undefined}
                  data-archived={Boolean(run.archivedAt)}
                >
                  <td className="cell-name">
                    <Link href={`/runs/${run.id}`} title={run.name}>
                      #{order + 1}
                    </Link>
                    {run.archivedAt && (
                      <span className="archived-badge" data-testid="run-row-archived" title={`Archived ${formatTimestamp(run.archivedAt)}`}>
                        archived
                      </span>
                    )}
                  </td>
                  {sweep.axes.map(({ field }) => (
                    <td key={field} className="mono">
                      {axisValues[field] ?? (
                        <span className="muted" title={`${run.model} has no ${field}`}>
                          —
                        </span>
                      )}
                    </td>
                  ))}
                  <RunStateCells run={run} progressClass="col-progress-sm" ended={(outcome) => outcome} />
                  {RESULT_COLUMNS.map((column) => (
                    <td
                      key={column.key}
                      className={`num mono${isBest && column.key === 'best:test/accuracy' ? ' cell-best' : ''}`}
                      data-testid={isBest && column.key === 'best:test/accuracy' ? 'sweep-best-cell' : undefined}
                    >
                      {formatResult(column.tag, metrics[column.key])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Final = the last logged value; best = the highest accuracy / lowest loss logged at any step. The highlighted row has the best test
        accuracy.
      </p>
    </section>
  );
}
