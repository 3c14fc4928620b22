'use client';

import { FINISHED_STATUSES, type TRun } from '@tensorscope/shared';
import Link from 'next/link';
import { useNow } from '../../../hooks/use-now';
import { modelLabel } from '../lib/config-display';
import { formatDuration, formatTimestamp, runDurationSeconds } from '../../../lib/format';
import { CancelRunButton } from './cancel-run-button';
import { RunLifecycleActions } from './run-lifecycle-actions';
import { CloneRunLink } from './clone-run-link';
import { RunRename } from './run-rename';
import { RunTags } from './run-tags';
import { QueuePosition } from '../../../components/queue-position';
import { StatusBadge } from '../../../components/status-badge';
import { Fact } from '../../../components/fact';

export function RunHeader({ run }: { run: TRun }) {
  const now = useNow(1000, run.status === 'running');
  return (
    <section className="run-header">
      <div className="run-title">
        <RunRename run={run}>
          <h1 data-testid="run-name">{run.name}</h1>
        </RunRename>
        <StatusBadge status={run.status} />
        <QueuePosition run={run} />
        {run.archivedAt && (
          <span className="archived-badge" data-testid="run-archived" title={`Archived ${formatTimestamp(run.archivedAt)}`}>
            Archived
          </span>
        )}
        <span className="run-title-spacer" />
        <CloneRunLink run={run} />
        <CancelRunButton run={run} />
        <RunLifecycleActions run={run} />
      </div>
      <RunTags run={run} />
      <dl className="facts">
        <Fact term="Model" testId="run-model">
          {modelLabel(run.config)}
        </Fact>
        {run.sweepId && (
          <Fact term="Sweep">
            <Link href={`/sweeps/${run.sweepId}`} data-testid="run-sweep-link">
              view the sweep
            </Link>
          </Fact>
        )}
        <Fact term="Backend" className="mono" testId="run-backend">
          {run.backend ?? (run.config.backend === 'auto' ? 'auto (not chosen yet)' : `${run.config.backend} (requested)`)}
        </Fact>
        <Fact term="Created">{formatTimestamp(run.createdAt)}</Fact>
        <Fact term="Started">{formatTimestamp(run.startedAt)}</Fact>
        <Fact term="Finished">{formatTimestamp(run.finishedAt)}</Fact>
        <Fact term="Duration">{formatDuration(runDurationSeconds(run, now))}</Fact>
        {(run.attempts > 1 || (run.checkpointStep !== null && !FINISHED_STATUSES.includes(run.status))) && (
          <Fact term="Attempts" testId="run-attempts">
            {run.attempts}
            {run.checkpointStep !== null && !FINISHED_STATUSES.includes(run.status) ? ` · checkpoint at step ${run.checkpointStep}` : ''}
          </Fact>
        )}
        <Fact term="Id" className="mono small">
          {run.id}
        </Fact>
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
