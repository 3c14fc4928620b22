'use client';

import type { TRun } from '@tensorscope/shared';
import { FINISHED_STATUSES } from '@tensorscope/shared';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useCancelRun } from '../hooks/use-run-mutations';
import { ApiError } from '../../../lib/api-client';
import { canManageRun } from '../../../lib/permissions';
import { PermissionNote } from '../../../components/permission-note';
import { ConfirmBox } from '../../../components/confirm-box';
import { GuardedButton } from '../../../components/guarded-button';

/**
 * Cancel, with a second click to confirm (inline, like Delete: a stray click must not end hours
 * of training). What was logged so far is kept either way.
 */
export function CancelRunButton({ run }: { run: TRun }) {
  const cancel = useCancelRun(run.id);
  const [armed, setArmed] = useState(false);
  // Viewers, and launchers on others' runs, see the button off and why.
  const allowed = canManageRun(useSignedInUser(), run);
  const finished = FINISHED_STATUSES.includes(run.status);
  const label = cancel.isPending ? 'Cancelling…' : finished ? 'Cancel run' : run.cancelRequested ? 'Cancel requested' : 'Cancel run';
  // Once used, the button stays (disabled) so it doesn't vanish under the pointer when the run stops.
  const shown = !finished || !cancel.isIdle;
  return (
    <span className="cancel">
      {shown && !finished && <PermissionNote verdict={allowed} />}
      {shown && armed && allowed.ok && !finished && !run.cancelRequested ? (
        <ConfirmBox
          testId="cancel-run"
          label="Confirm cancelling"
          busy={cancel.isPending}
          confirm="Yes, cancel"
          confirming="Cancelling…"
          back="Keep running"
          onConfirm={() => cancel.mutate(undefined, { onSettled: () => setArmed(false) })}
          onBack={() => setArmed(false)}
        >
          Stop <strong>{run.name}</strong>
          {run.status === 'queued' ? ' before it starts' : ''}? What it logged so far is kept.
        </ConfirmBox>
      ) : (
        shown && (
          <GuardedButton
            verdict={allowed}
            busy={finished || cancel.isPending || run.cancelRequested}
            className="button button--danger"
            testId="cancel-run"
            onClick={() => setArmed(true)}
          >
            {label}
          </GuardedButton>
        )
      )}
      {/* The API only requests the stop; the worker ends the run shortly after, and the
          socket brings the final status into the cached run shown here. */}
      {cancel.isSuccess && (
        <span className="muted" data-testid="cancel-result">
          {finished ? `→ ${run.status}` : 'stopping…'}
        </span>
      )}
      {cancel.isError && (
        <span className="field-error" role="alert" data-testid="cancel-error">
          {cancel.error instanceof ApiError && cancel.error.status === 409
            ? 'The run had already finished.'
            : cancel.error instanceof ApiError && cancel.error.status === 403
              ? `Not allowed: ${cancel.error.message}`
              : cancel.error.message}
        </span>
      )}
    </span>
  );
}
