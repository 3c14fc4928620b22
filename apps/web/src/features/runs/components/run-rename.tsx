'use client';

import { RUN_NAME_MAX, type TRun } from '@tensorscope/shared';
import type { ReactNode } from 'react';
import { useRunEditor } from '../hooks/use-run-editor';
import { InlineTextForm } from './inline-text-form';

/**
 * The run's name (`children`: a heading on the run page, a link in the list) with a rename
 * button for its owner and admins; the button turns the name into a text box.
 */
export function RunRename({ run, children }: { run: TRun; children: ReactNode }) {
  const editor = useRunEditor(run);
  const { draft } = editor;
  if (draft === null)
    return (
      <>
        {children}
        {editor.may && (
          <button
            type="button"
            className="icon-button"
            data-testid="rename-run"
            title="Rename"
            aria-label={`Rename ${run.name}`}
            onClick={() => editor.edit(run.name)}
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
      busy={editor.busy}
      error={editor.error}
      onChange={editor.edit}
      onCancel={editor.close}
      onSave={() => (draft.trim() === run.name ? editor.close() : editor.save({ name: draft }))}
    />
  );
}
