'use client';

import { RUN_TAG_MAX, type TRun } from '@tensorscope/shared';
import { useState } from 'react';
import { useRunEditor } from '../hooks/use-run-editor';
import { addTag } from '../lib/run-edit';
import { InlineTextForm } from './inline-text-form';

/**
 * A run's tags as chips; its owner and admins remove one with its ×, and add one with "+ tag".
 * Each change is sent as a change (addTags / removeTags), so two people tagging one run at once
 * both keep their tags; a new tag is checked first by the API's own rules.
 */
export function RunTags({ run }: { run: TRun }) {
  const editor = useRunEditor(run);
  const { draft } = editor;
  // A tag the shared rules refuse, said before any request.
  const [refusal, setRefusal] = useState<string | undefined>();
  if (run.tags.length === 0 && !editor.may) return null;

  const edit = (text: string) => {
    setRefusal(undefined);
    editor.edit(text);
  };
  const save = () => {
    const next = addTag(run.tags, draft ?? '');
    if (next.ok) editor.save({ addTags: [next.added] });
    else setRefusal(next.message);
  };

  return (
    <span className="run-tags" data-testid="run-tags">
      {run.tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="run-tag">
          {tag}
          {editor.may && (
            <button
              type="button"
              className="tag-chip-remove"
              aria-label={`Remove tag ${tag}`}
              data-testid="remove-tag"
              disabled={editor.busy}
              onClick={() => editor.save({ removeTags: [tag] })}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {editor.may &&
        (draft === null ? (
          <button type="button" className="tag-add" data-testid="add-tag" onClick={() => edit('')}>
            + tag
          </button>
        ) : (
          <InlineTextForm
            label="New tag"
            testId="add-tag"
            placeholder="e.g. baseline"
            value={draft}
            maxLength={RUN_TAG_MAX}
            busy={editor.busy}
            error={refusal ?? editor.error}
            onChange={edit}
            onCancel={editor.close}
            onSave={save}
          />
        ))}
      {draft === null && editor.error && (
        <span className="field-error" role="alert" data-testid="run-tags-error">
          {editor.error}
        </span>
      )}
    </span>
  );
}
