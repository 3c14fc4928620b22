'use client';

import { RUN_NAME_MAX, type TRun } from '@tensorscope/shared';
import { useState, type ReactNode } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { canEditRun } from '../../../lib/permissions';
import { useUpdateRun } from '../hooks/use-run-mutations';
import { updateErrorText } from '../lib/run-edit';
import { InlineTextForm } from './inline-text-form';

/**
 * The run's name (`children`: a heading on the run page, a link in the list) with a rename
 * button for its owner and admins; the button turns the name into a text box.
 */
export function RunRename({ run, children }: { run: TRun; children: ReactNode }) {
  const user = useSignedInUser();
  const update = useUpdateRun(run.id);
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <>
        {children}
        {canEditRun(user, run).ok && (
          <button
            type="button"
            className="icon-button"
            data-testid="rename-run"
            title="Rename"
            aria-label={`Rename ${run.name}`}
            onClick={() => {
              update.reset();
              setDraft(run.name);
            }}
          >
            ✎
          </button>
        )}
      </>
    );
  return (
    <InlineTextForm
      label="Run name"
      testId="rename-run"
      value={draft}
      maxLength={RUN_NAME_MAX}
      busy={update.isPending}
      error={update.isError ? updateErrorText(update.error) : undefined}
      onChange={(text) => {
        setDraft(text);
        update.reset();
      }}
      onCancel={() => setDraft(null)}
      onSave={() => {
        if (draft.trim() === run.name) setDraft(null);
        else update.mutate({ name: draft }, { onSuccess: () => setDraft(null) });
      }}
    />
  );
}
