'use client';

import type { TRun } from '@tensorscope/shared';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useDeleteRun, useSetRunArchived } from '../hooks/use-run-mutations';
import { ApiError } from '../../../lib/api-client';
import { canArchiveRun, canDeleteRun, canManageRun } from '../../../lib/permissions';
import { PermissionNote } from '../../../components/permission-note';
import { ConfirmBox } from '../../../components/confirm-box';
import { GuardedButton } from '../../../components/guarded-button';

/** What an API refusal means here, in words. */
function refusal(error: Error, conflict: string): string {
  if (error instanceof ApiError && error.status === 409) return conflict;
  if (error instanceof ApiError && error.status === 403) return `Not allowed: ${error.message}`;
  return error.message;
}

/**
 * Archive / Restore and Delete on the run page. Delete asks for a second click naming the run
 * (inline, not window.confirm, which tests can't see), then goes to the run list. Each button is
 * off, with the reason beside it, when the user may not (or, for delete, while the run is live).
 */
export function RunLifecycleActions({ run }: { run: TRun }) {
  const user = useSignedInUser();
  const archive = useSetRunArchived(run.id);
  const remove = useDeleteRun(run.id);
  const [armed, setArmed] = useState(false);
  const archived = Boolean(run.archivedAt);
  const mayArchive = canArchiveRun(user, run);
  const mayDelete = canDeleteRun(user, run);
  // Refused for who the user is: one note for both buttons. Otherwise only delete can be off
  // (the run is live), and its own note says so.
  const note = mayArchive.ok ? mayDelete : canManageRun(user, run, `${archived ? 'restore' : 'archive'} or delete`);
  return (
    <span className="cancel run-lifecycle">
      <PermissionNote verdict={note} testId="run-actions-note" />
      <GuardedButton
        verdict={mayArchive}
        busy={archive.isPending}
        testId={archived ? 'restore-run' : 'archive-run'}
        title={archived ? 'Show it in the run list again' : 'Hide it from the run list; nothing is deleted'}
        onClick={() => archive.mutate(!archived)}
      >
        {archive.isPending ? (archived ? 'Restoring…' : 'Archiving…') : archived ? 'Restore' : 'Archive'}
      </GuardedButton>
      {archive.isError && (
        <span className="field-error" role="alert" data-testid="archive-run-error">
          {refusal(archive.error, 'The run changed meanwhile; try again.')}
        </span>
      )}
      {armed && mayDelete.ok ? (
        <ConfirmBox
          testId="delete-run"
          label="Confirm deletion"
          busy={remove.isPending}
          confirm="Yes, delete"
          confirming="Deleting…"
          back="Keep it"
          onConfirm={() => remove.mutate(undefined, { onError: () => setArmed(false) })}
          onBack={() => setArmed(false)}
        >
          Delete <strong>{run.name}</strong> and everything it logged? This cannot be undone.
        </ConfirmBox>
      ) : (
        <GuardedButton verdict={mayDelete} className="button button--danger" testId="delete-run" onClick={() => setArmed(true)}>
          Delete
        </GuardedButton>
      )}
      {remove.isError && (
        <span className="field-error" role="alert" data-testid="delete-run-error">
          {refusal(remove.error, 'Only a finished run can be deleted.')}
        </span>
      )}
    </span>
  );
}
