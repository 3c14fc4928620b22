'use client';

import type { TRun } from '@tensorscope/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ApiErrorState } from '../../../components/api-error-state';
import { Picker } from '../../../components/picker';
import type { TSnapshotChoice } from '../hooks/use-snapshot-choice';

/**
 * What a tab of snapshot jobs shows instead of itself until it has a snapshot and its job list:
 * loading, an error with a retry, or why there is no snapshot yet; null once both are there.
 * A plain function (no hooks), so the tab can tell whether to render itself.
 */
export function snapshotJobsGate({
  run,
  choice,
  list,
  testId,
  what,
}: {
  run: TRun;
  choice: TSnapshotChoice;
  list: UseQueryResult<unknown>;
  testId: string;
  /** "Visualizations", "Evaluation views". */
  what: string;
}): ReactElement | null {
  const { snapshots } = choice;
  if (snapshots.isPending || list.isPending) return <p className="muted">Loading {what.toLowerCase()}…</p>;
  if (snapshots.isError && !snapshots.data) {
    return <ApiErrorState error={snapshots.error} onRetry={() => void snapshots.refetch()} what="snapshots" />;
  }
  if (list.isError && !list.data) return <ApiErrorState error={list.error} onRetry={() => void list.refetch()} what="visualizations" />;
  if (choice.snapshot) return null;
  return (
    <div className="state-box" data-testid={testId}>
      <h2>No weight snapshots yet</h2>
      <p>
        {what} are computed from a stored weight snapshot.{' '}
        {run.status === 'queued' || run.status === 'running'
          ? 'The first one is stored during training and shows up here live.'
          : 'This run stored none.'}
      </p>
    </div>
  );
}

/** The snapshot select of such a tab ("step 1,200 (final)"), and where it is among the snapshots. */
export function SnapshotPicker({ run, choice, testId }: { run: TRun; choice: TSnapshotChoice; testId: string }) {
  const { list, steps, index } = choice;
  return (
    <>
      <Picker
        label="Snapshot"
        testId={testId}
        options={list.map((_, i) => i)}
        value={index}
        onChange={choice.pick}
        optionLabel={(i) =>
          `step ${steps[i]!.toLocaleString('en-US')}${i === list.length - 1 ? (run.status === 'running' ? ' (newest)' : ' (final)') : ''}`
        }
      />
      <span className="muted small">
        {index + 1} of {list.length} snapshots{choice.following && run.status === 'running' ? ' · following newest' : ''}
      </span>
    </>
  );
}
