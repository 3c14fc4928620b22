'use client';

import Link from 'next/link';
import { memo, useMemo, useState, type ReactNode } from 'react';
import { comparableConfig, configCell, configFields, formatConfigValue, type TConfigLike } from '../lib/compare-hparams';
import type { TCompareRow } from '../lib/compare-rows';
import { nextSort, sortRows, type TCell, type TSort } from '../lib/compare-sort';
import { formatTagValue } from '../../../lib/format';
import { OverfitBadge } from './compare-overfit-badge';
import { StatusBadge } from '../../../components/status-badge';

interface TColumn {
  key: string;
  label: string;
  title?: string;
  numeric?: boolean;
  /** Config columns equal in every run are dimmed: they explain nothing about the differences. */
  constant?: boolean;
  cell: (row: TCompareRow) => TCell;
  render: (row: TCompareRow) => ReactNode;
}

const METRIC_TAGS = ['train/accuracy', 'test/accuracy', 'train/loss', 'test/loss'] as const;
const configOf = (row: TCompareRow): TConfigLike | undefined => (row.run ? comparableConfig(row.run.config) : undefined);

function metricColumns(): TColumn[] {
  const final = METRIC_TAGS.map<TColumn>((tag) => ({
    key: `final:${tag}`,
    label: `final ${tag}`,
    title: `Last logged ${tag}`,
    numeric: true,
    cell: (row) => row.run?.finalMetrics?.[tag],
    render: (row) => formatTagValue(tag, row.run?.finalMetrics?.[tag]),
  }));
  const best = METRIC_TAGS.map<TColumn>((tag) => ({
    key: `best:${tag}`,
    label: `best ${tag}`,
    title: `${tag.endsWith('accuracy') ? 'Highest' : 'Lowest'} ${tag} logged, and its step`,
    numeric: true,
    cell: (row) => row.run?.bestMetrics?.[tag]?.value,
    render: (row) => {
      const best = row.run?.bestMetrics?.[tag];
      return best ? <span title={`at step ${best.step.toLocaleString('en-US')}`}>{formatTagValue(tag, best.value)}</span> : '—';
    },
  }));
  return [...final, ...best];
}

/**
 * The selected runs side by side: config fields that differ first (all of them on request),
 * final and best metrics, overfitting signals. Every header sorts; a second click reverses.
 */
export const CompareHparamTable = memo(function CompareHparamTable({
  rows,
  highlighted,
  onHighlight,
}: {
  rows: readonly TCompareRow[];
  highlighted: string | null;
  onHighlight: (runId: string | null) => void;
}) {
  const [sort, setSort] = useState<TSort | null>(null);
  const [showAll, setShowAll] = useState(false);

  const configs = useMemo(
    () =>
      rows.flatMap((row) => {
        const config = configOf(row);
        return config ? [config] : [];
      }),
    [rows],
  );
  const fields = useMemo(() => configFields(configs), [configs]);

  const columns = useMemo<TColumn[]>(() => {
    const configColumn = (field: string, constant: boolean): TColumn => ({
      key: `config:${field}`,
      label: field,
      constant,
      numeric: configs.some((c) => typeof c[field] === 'number'),
      cell: (row) => configCell(configOf(row)?.[field]),
      render: (row) => (row.run ? formatConfigValue(configOf(row)?.[field]) : ''),
    });
    return [
      {
        key: 'name',
        label: 'run',
        cell: (row) => row.run?.name ?? row.runId,
        render: (row) => (
          <span className="run-name-cell">
            <span className="run-dot" style={{ background: row.color }} aria-hidden />
            {row.run ? (
              <Link href={`/runs/${row.runId}`}>{row.run.name}</Link>
            ) : (
              <span className="mono muted">{row.missing ? `${row.runId.slice(0, 8)} (missing)` : `${row.runId.slice(0, 8)}…`}</span>
            )}
          </span>
        ),
      },
      {
        key: 'status',
        label: 'status',
        cell: (row) => row.run?.status,
        render: (row) => (row.run ? <StatusBadge status={row.run.status} /> : null),
      },
      ...fields.varying.map((field) => configColumn(field, false)),
      ...(showAll ? fields.constant.map((field) => configColumn(field, true)) : []),
      ...metricColumns(),
      {
        key: 'gap',
        label: 'gen. gap',
        title: 'final train accuracy − final test accuracy',
        numeric: true,
        cell: (row) => row.gap ?? undefined,
        render: (row) => <OverfitBadge kind="gap" value={row.gap} />,
      },
      {
        key: 'roughness',
        label: 'roughness',
        title: 'raw train loss vs. its EMA 0.6: mean |raw − smoothed| / mean |smoothed|',
        numeric: true,
        cell: (row) => row.roughness ?? undefined,
        render: (row) => <OverfitBadge kind="roughness" value={row.roughness} approximate={!row.roughnessExact} />,
      },
    ];
  }, [fields, showAll, configs]);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    return column ? sortRows(rows, column.cell, sort.dir) : rows;
  }, [rows, columns, sort]);

  return (
    <section className="card" aria-label="Hyperparameters">
      <div className="section-head">
        <h2>Hyperparameters &amp; results</h2>
        <label className="filter">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} data-testid="hparam-show-all" />
          all config fields{fields.constant.length > 0 ? ` (+${fields.constant.length} equal in every run)` : ''}
        </label>
      </div>
      {fields.varying.length === 0 && configs.length > 1 && <p className="muted small">These runs share the same configuration.</p>}
      <div className="table-wrap">
        <table className="table compare-hparam-table" data-testid="hparam-table">
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                return (
                  <th
                    key={column.key}
                    className={`${column.numeric ? 'num' : ''} ${column.constant ? 'is-constant' : ''}`}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    title={column.title}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort((current) => nextSort(current, column.key))}
                      data-testid="hparam-sort"
                      data-column={column.key}
                    >
                      {column.label}
                      <span className="sort-mark" aria-hidden>
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr
                key={row.runId}
                data-testid="hparam-row"
                data-run-id={row.runId}
                className={highlighted === row.runId ? 'is-highlighted' : ''}
                onMouseEnter={() => onHighlight(row.runId)}
                onMouseLeave={() => onHighlight(null)}
              >
                {columns.map((column) => (
                  <td key={column.key} className={`${column.numeric ? 'num mono' : ''} ${column.constant ? 'is-constant' : ''}`}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
