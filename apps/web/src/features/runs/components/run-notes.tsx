'use client';

import { RUN_NOTES_MAX, type TRun } from '@tensorscope/shared';
import { CardSection } from '../../../components/card-section';
import { renderMarkdown } from '../../../lib/markdown.render';
import { useRunEditor } from '../hooks/use-run-editor';

/**
 * The run's Markdown notes, rendered (safely: see lib/markdown); its owner and admins edit them
 * in a text area with a live preview. Nothing shows for others while there are none.
 */
export function RunNotes({ run }: { run: TRun }) {
  const editor = useRunEditor(run);
  const { draft } = editor;
  if (!run.notes && !editor.may) return null;

  const edit = editor.may && draft === null && (
    <button type="button" className="button button--small" data-testid="edit-notes" onClick={() => editor.edit(run.notes)}>
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
            editor.save({ notes: draft });
          }}
        >
          <div className="notes-editor-panes">
            <textarea
              aria-label="Notes (Markdown)"
              data-testid="notes-input"
              rows={10}
              maxLength={RUN_NOTES_MAX}
              value={draft}
              onChange={(event) => editor.edit(event.target.value)}
            />
            <div className="markdown markdown--preview" data-testid="notes-preview" aria-label="Preview">
              {draft.trim() ? renderMarkdown(draft) : <p className="muted">Preview</p>}
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={editor.busy} data-testid="save-notes">
              {editor.busy ? 'Saving…' : 'Save notes'}
            </button>
            <button type="button" className="button" disabled={editor.busy} onClick={editor.close}>
              Cancel
            </button>
            <span className="muted small">Markdown: # heading, **bold**, *italic*, `code`, lists, &gt; quotes, [links](https://…)</span>
            {editor.error && (
              <span className="field-error" role="alert" data-testid="notes-error">
                {editor.error}
              </span>
            )}
          </div>
        </form>
      )}
    </CardSection>
  );
}
