'use client';

import { RUN_NOTES_MAX, type TRun } from '@tensorscope/shared';
import { useState } from 'react';
import { CardSection } from '../../../components/card-section';
import { useSignedInUser } from '../../../hooks/use-me';
import { renderMarkdown } from '../../../lib/markdown.render';
import { canEditRun } from '../../../lib/permissions';
import { useUpdateRun } from '../hooks/use-run-mutations';
import { updateErrorText } from '../lib/run-edit';

/**
 * The run's Markdown notes, rendered (safely: see lib/markdown); its owner and admins edit them
 * in a text area with a live preview. Nothing shows for others while there are none.
 */
export function RunNotes({ run }: { run: TRun }) {
  const user = useSignedInUser();
  const update = useUpdateRun(run.id);
  const [draft, setDraft] = useState<string | null>(null);
  const may = canEditRun(user, run).ok;
  if (!run.notes && !may) return null;

  const edit = may && draft === null && (
    <button
      type="button"
      className="button button--small"
      data-testid="edit-notes"
      onClick={() => {
        update.reset();
        setDraft(run.notes);
      }}
    >
      {run.notes ? 'Edit' : 'Add notes'}
    </button>
  );
  return (
    <CardSection title="Notes" testId="run-notes" pickers={edit || undefined}>
      {draft === null ? (
        run.notes ? (
          <div className="markdown" data-testid="run-notes-body">
            {renderMarkdown(run.notes)}
          </div>
        ) : (
          <p className="muted">No notes yet: what was tried, what was seen, what to try next.</p>
        )
      ) : (
        <form
          className="notes-editor"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ notes: draft }, { onSuccess: () => setDraft(null) });
          }}
        >
          <div className="notes-editor-panes">
            <textarea
              aria-label="Notes (Markdown)"
              data-testid="notes-input"
              rows={10}
              maxLength={RUN_NOTES_MAX}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                update.reset();
              }}
            />
            <div className="markdown markdown--preview" data-testid="notes-preview" aria-label="Preview">
              {draft.trim() ? renderMarkdown(draft) : <p className="muted">Preview</p>}
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={update.isPending} data-testid="save-notes">
              {update.isPending ? 'Saving…' : 'Save notes'}
            </button>
            <button type="button" className="button" disabled={update.isPending} onClick={() => setDraft(null)}>
              Cancel
            </button>
            <span className="muted small">Markdown: # heading, **bold**, *italic*, `code`, lists, &gt; quotes, [links](https://…)</span>
            {update.isError && (
              <span className="field-error" role="alert" data-testid="notes-error">
                {updateErrorText(update.error)}
              </span>
            )}
          </div>
        </form>
      )}
    </CardSection>
  );
}
