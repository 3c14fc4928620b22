'use client';

import type { TRun } from '@tensorscope/shared';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useNow } from '../../../hooks/use-now';
import { describeEnding, formatAccuracy, formatRelative, formatTimestamp } from '../../../lib/format';
import { RunStateCells } from '../../../components/run-state-cells';
import { DataTable, type TColumn } from '../../../components/data-table';

const RUN_COLUMNS: TColumn[] = [
  'Name',
  'Model / variant',
  'Status',
  { label: 'Progress', className: 'col-progress' },
  'Backend',
  { label: 'Test acc.', className: 'num' },
  'Created',
];

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

export function RunTable({ runs, dimmed, selection }: { runs: TRun[]; dimmed: boolean; selection?: RunSelection }) {
  const now = useNow(15_000);
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
          <td className="cell-name">
            <Link href={`/runs/${run.id}`}>{run.name}</Link>
            {run.archivedAt && (
              <span className="archived-badge" data-testid="run-row-archived" title={`Archived ${formatTimestamp(run.archivedAt)}`}>
                archived
              </span>
            )}
          </td>
          <td>
            {run.model}
            {run.config.model === 'lenet5' && <span className="muted"> / {run.config.variant}</span>}
          </td>
          <RunStateCells run={run} progressClass="col-progress" ended={() => describeEnding(run, now)} />
          <td className="mono">{run.backend ?? <span className="muted">—</span>}</td>
          <td className="num mono">{formatAccuracy(run.finalMetrics?.['test/accuracy'])}</td>
          <td title={formatTimestamp(run.createdAt)}>{formatRelative(run.createdAt, now)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
