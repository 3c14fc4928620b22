'use client';

import { FINISHED_STATUSES, type TRun } from '@tensorscope/shared';
import Link from 'next/link';
import { useNow } from '../../../hooks/use-now';
import { modelLabel } from '../lib/config-display';
import { formatDuration, formatTimestamp, runDurationSeconds } from '../../../lib/format';
import { CancelRunButton } from './cancel-run-button';
import { RunLifecycleActions } from './run-lifecycle-actions';
import { StatusBadge } from '../../../components/status-badge';

export function RunHeader({ run }: { run: TRun }) {
  const now = useNow(1000, run.status === 'running');
  return (
    <section className="run-header">
      <div className="run-title">
        <h1 data-testid="run-name">{run.name}</h1>
        <StatusBadge status={run.status} />
        {run.archivedAt && (
          <span className="archived-badge" data-testid="run-archived" title={`Archived ${formatTimestamp(run.archivedAt)}`}>
            Archived
          </span>
        )}
        <span className="run-title-spacer" />
        <CancelRunButton run={run} />
        <RunLifecycleActions run={run} />
      </div>
      <dl className="facts">
        <div>
          <dt>Model</dt>
          <dd data-testid="run-model">{modelLabel(run.config)}</dd>
        </div>
        {run.sweepId && (
          <div>
            <dt>Sweep</dt>
            <dd>
              <Link href={`/sweeps/${run.sweepId}`} data-testid="run-sweep-link">
                view the sweep
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Backend</dt>
          <dd className="mono" data-testid="run-backend">
            {run.backend ?? (run.config.backend === 'auto' ? 'auto (not chosen yet)' : `${run.config.backend} (requested)`)}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatTimestamp(run.createdAt)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatTimestamp(run.startedAt)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{formatTimestamp(run.finishedAt)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(runDurationSeconds(run, now))}</dd>
        </div>
        {(run.attempts > 1 || (run.checkpointStep !== null && !FINISHED_STATUSES.includes(run.status))) && (
          <div>
            <dt>Attempts</dt>
            <dd data-testid="run-attempts">
              {run.attempts}
              {run.checkpointStep !== null && !FINISHED_STATUSES.includes(run.status) ? ` · checkpoint at step ${run.checkpointStep}` : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>Id</dt>
          <dd className="mono small">{run.id}</dd>
        </div>
      </dl>
      {run.interruption && (
        <div className="run-interruption" role="status" data-testid="run-interruption">
          <strong>Interrupted: </strong>
          <span className="mono">{run.interruption}</span>
        </div>
      )}
      {run.error && (
        <div className="run-error" role="alert" data-testid="run-error">
          <strong>{run.status === 'failed' ? 'Failed: ' : 'Error: '}</strong>
          <span className="mono">{run.error}</span>
        </div>
      )}
    </section>
  );
}
