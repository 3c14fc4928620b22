'use client';

import type { TRun } from '@tensorscope/shared';
import { useEffect, useRef } from 'react';
import { useNow } from '../../../hooks/use-now';
import { describeEnding, formatAccuracy, formatRelative, formatTimestamp } from '../../../lib/format';
import { RunStateCells } from '../../../components/run-state-cells';
import { DataTable, type TColumn } from '../../../components/data-table';
import { RunNameCell } from './run-name-cell';
import { modelDetail, modelLabel } from '../lib/config-display';
import type { TExtraColumn } from '../lib/run-extra-columns';

/** A header that sorts the list by `column` (a sort key the API knows), showing the current direction. */
function SortHeader({ label, column, sort, onSort }: { label: string; column: string; sort?: string; onSort?: (column: string) => void }) {
  if (!onSort) return <>{label}</>;
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : undefined;
  return (
    <button
      type="button"
      className="sort-header"
      data-testid={`sort-${column}`}
      data-sort={direction ?? 'none'}
      title={`Sort by ${label}`}
      onClick={() => onSort(column)}
    >
      {label}
      <span aria-hidden="true">{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}</span>
    </button>
  );
}

function runColumns(sort?: string, onSort?: (column: string) => void): TColumn[] {
  const header = (label: string, column: string) => <SortHeader label={label} column={column} sort={sort} onSort={onSort} />;
  return [
    { label: header('Name', 'name'), className: '' },
    'Model / data',
    { label: header('Status', 'status'), className: '' },
    { label: 'Progress', className: 'col-progress' },
    'Backend',
    { label: header('Test acc.', 'test/accuracy'), className: 'num' },
    { label: header('Created', 'createdAt'), className: '' },
  ];
}

/** Checkbox selection of rows (for "Compare"); the table shows no checkboxes without it. */
export interface RunSelection {
  selected: ReadonlySet<string>;
  onToggle: (runId: string, checked: boolean) => void;
  onToggleAll: (runIds: string[], checked: boolean) => void;
}

/** The header box: ticked when every row is, a dash when only some are. */
function SelectAll({ runs, selection }: { runs: TRun[]; selection: RunSelection }) {
  const ref = useRef<HTMLInputElement>(null);
  const count = runs.filter((run) => selection.selected.has(run.id)).length;
  const all = runs.length > 0 && count === runs.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={all}
      onChange={(e) =>
        selection.onToggleAll(
          runs.map((run) => run.id),
          e.target.checked,
        )
      }
      aria-label="Select every run on this page"
      data-testid="run-select-all"
    />
  );
}

export function RunTable({
  runs,
  dimmed,
  selection,
  sort,
  onSort,
  extraColumns = [],
}: {
  runs: TRun[];
  dimmed: boolean;
  selection?: RunSelection;
  /** The list's sort (`-test/accuracy`); with onSort the headers sort. */
  sort?: string;
  onSort?: (column: string) => void;
  /** Config fields and metrics picked to show after the table's own columns. */
  extraColumns?: readonly TExtraColumn[];
}) {
  const now = useNow(15_000);
  const RUN_COLUMNS = [
    ...runColumns(sort, onSort),
    ...extraColumns.map((c) => ({
      label: <SortHeader label={c.label} column={c.sortKey} sort={sort} onSort={onSort} />,
      className: c.numeric ? 'num' : '',
    })),
  ];
  return (
    <DataTable
      testId="run-table"
      className={`runs-table ${dimmed ? 'is-dimmed' : ''}`}
      columns={
        selection ? [{ label: <SelectAll runs={runs} selection={selection} />, className: 'col-select' }, ...RUN_COLUMNS] : RUN_COLUMNS
      }
    >
      {runs.map((run) => (
        <tr
          key={run.id}
          data-testid="run-row"
          data-run-id={run.id}
          data-archived={Boolean(run.archivedAt)}
          className={run.archivedAt ? 'is-archived' : undefined}
        >
          {selection && (
            <td className="col-select">
              <input
                type="checkbox"
                checked={selection.selected.has(run.id)}
                onChange={(e) => selection.onToggle(run.id, e.target.checked)}
                aria-label={`Select ${run.name}`}
                data-testid="run-select"
              />
            </td>
          )}
          <RunNameCell run={run} />
          <td title={modelLabel(run.config)}>
            {run.model}
            {modelDetail(run.config) !== undefined && <span className="muted"> / {modelDetail(run.config)}</span>}
          </td>
          <RunStateCells run={run} progressClass="col-progress" ended={() => describeEnding(run, now)} />
          <td className="mono">{run.backend ?? <span className="muted">—</span>}</td>
          <td className="num mono">{formatAccuracy(run.finalMetrics?.['test/accuracy'])}</td>
          <td title={formatTimestamp(run.createdAt)}>{formatRelative(run.createdAt, now)}</td>
          {extraColumns.map((c) => (
            <td key={c.id} className={c.numeric ? 'num mono' : 'mono'}>
              {c.cell(run) ?? <span className="muted">—</span>}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
