'use client';

import type { TRun } from '@tensorscope/shared';
import Link from 'next/link';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useCancelRuns } from '../hooks/use-sweep-mutations';
import { manageableRuns, othersRunsNote } from '../../../lib/permissions';
import { cancellableRunIds, compareHref } from '../lib/sweep-results';
import { PermissionNote } from '../../../components/permission-note';

/** Compare the sweep's runs side by side, or stop every run that hasn't finished. */
export function SweepActions({ sweepId, runs }: { sweepId: string; runs: readonly TRun[] }) {
  const cancel = useCancelRuns(sweepId);
  const user = useSignedInUser();
  const unfinished = cancellableRunIds(runs);
  // Only the runs this user may stop: all for an admin, their own for a launcher, none for a viewer.
  const open = cancellableRunIds(manageableRuns(user, runs));
  const note = othersRunsNote(user, unfinished.length - open.length);
  // Stopping many runs is worth a second click (inline, not window.confirm, which tests can't see).
  const [armed, setArmed] = useState(false);
  return (
    <span className="cancel">
      {runs.length > 0 && (
        <Link href={compareHref(runs.map((r) => r.id))} className="button" data-testid="sweep-compare-link">
          Compare these runs
        </Link>
      )}
      <PermissionNote verdict={note} />
      {armed && open.length > 0 ? (
        <>
          <button
            type="button"
            className="button button--danger"
            data-testid="sweep-cancel-confirm"
            onClick={() => {
              setArmed(false);
              cancel.mutate(open);
            }}
          >
            Yes, cancel {open.length} run{open.length === 1 ? '' : 's'}
          </button>
          <button type="button" className="button" onClick={() => setArmed(false)}>
            Keep them
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--danger"
          data-testid="sweep-cancel-all"
          disabled={open.length === 0 || cancel.isPending}
          onClick={() => setArmed(true)}
        >
          {cancel.isPending ? 'Cancelling…' : `Cancel unfinished (${open.length})`}
        </button>
      )}
      {/* Only the stops are requested here; the socket brings each run's final status. */}
      {cancel.data && (
        <span className="muted" data-testid="sweep-cancel-result">
          {cancel.data.cancelled} asked to stop
        </span>
      )}
      {cancel.data && cancel.data.failures.length > 0 && (
        <span className="field-error" role="alert" data-testid="sweep-cancel-error">
          {cancel.data.failures.length} failed: {cancel.data.failures[0]}
        </span>
      )}
      {cancel.isError && (
        <span className="field-error" role="alert">
          {cancel.error.message}
        </span>
      )}
    </span>
  );
}
