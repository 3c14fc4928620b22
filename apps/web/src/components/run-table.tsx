'use client';

import type { TRun } from '@tensorscope/shared';
import { FINISHED_STATUSES } from '@tensorscope/shared';
import Link from 'next/link';
import { useNow } from '../hooks/use-now';
import { formatAccuracy, formatDuration, formatRelative, formatTimestamp, runDurationSeconds } from '../lib/format';
import { RunProgress } from './run-progress';
import { StatusBadge } from './status-badge';

export function RunTable({ runs, dimmed }: { runs: TRun[]; dimmed: boolean }) {
  const now = useNow(15_000);
  return (
    <div className="table-wrap">
      <table className={`table runs-table ${dimmed ? 'is-dimmed' : ''}`} data-testid="run-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Model / variant</th>
            <th>Status</th>
            <th className="col-progress">Progress</th>
            <th>Backend</th>
            <th className="num">Test acc.</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
              <td className="cell-name">
                <Link href={`/runs/${run.id}`}>{run.name}</Link>
              </td>
              <td>
                {run.model} <span className="muted">/ {run.config.variant}</span>
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td className="col-progress">
                {FINISHED_STATUSES.includes(run.status) ? (
                  <span className="muted">
                    {run.status === 'completed' ? 'done' : 'stopped'} after {formatDuration(runDurationSeconds(run, now))}
                  </span>
                ) : (
                  <RunProgress run={run} compact />
                )}
              </td>
              <td className="mono">{run.backend ?? <span className="muted">—</span>}</td>
              <td className="num mono">{formatAccuracy(run.finalMetrics?.['test/accuracy'])}</td>
              <td title={formatTimestamp(run.createdAt)}>{formatRelative(run.createdAt, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
