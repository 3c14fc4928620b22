'use client';

import type { TRun, TRunUpdateInput } from '@tensorscope/shared';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { canEditRun } from '../../../lib/permissions';
import { updateErrorText } from '../lib/run-edit';
import { useUpdateRun } from './use-run-mutations';

/**
 * What the run's in-place editors (name, tags, notes) share: whether this user may edit the
 * run, the text being edited (null: not editing), and the PATCH that saves it, whose refusal
 * is `error` until the text changes or the editor opens again.
 */
export function useRunEditor(run: TRun) {
  const user = useSignedInUser();
  const update = useUpdateRun(run.id);
  const [draft, setDraft] = useState<string | null>(null);
  return {
    may: canEditRun(user, run).ok,
    draft,
    busy: update.isPending,
    error: update.isError ? updateErrorText(update.error) : undefined,
    /** Opens the editor with `text`, or takes what was typed: either way an old refusal goes. */
    edit(text: string) {
      update.reset();
      setDraft(text);
    },
    close: () => setDraft(null),
    /** Saves `change`; the editor closes once the API took it. */
    save(change: TRunUpdateInput) {
      update.mutate(change, { onSuccess: () => setDraft(null) });
    },
  };
}
