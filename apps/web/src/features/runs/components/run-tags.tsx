'use client';

import { RUN_TAG_MAX, type TRun } from '@tensorscope/shared';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { canEditRun } from '../../../lib/permissions';
import { useUpdateRun } from '../hooks/use-run-mutations';
import { addTag, updateErrorText } from '../lib/run-edit';
import { InlineTextForm } from './inline-text-form';

/**
 * A run's tags as chips; its owner and admins remove one with its ×, and add one with "+ tag".
 * Each change sends the whole list (PATCH replaces it), checked first by the API's own rules.
 */
export function RunTags({ run }: { run: TRun }) {
  const user = useSignedInUser();
  const update = useUpdateRun(run.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | undefined>();
  const may = canEditRun(user, run).ok;
  if (run.tags.length === 0 && !may) return null;

  const save = () => {
    if (draft === null) return;
    const next = addTag(run.tags, draft);
    if (!next.ok) return setRefusal(next.message);
    update.mutate({ tags: next.tags }, { onSuccess: () => setDraft(null) });
  };

  return (
    <span className="run-tags" data-testid="run-tags">
      {run.tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="run-tag">
          {tag}
          {may && (
            <button
              type="button"
              className="tag-chip-remove"
              aria-label={`Remove tag ${tag}`}
              data-testid="remove-tag"
              disabled={update.isPending}
              onClick={() => update.mutate({ tags: run.tags.filter((t) => t !== tag) })}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {may &&
        (draft === null ? (
          <button
            type="button"
            className="tag-add"
            data-testid="add-tag"
            onClick={() => {
              update.reset();
              setRefusal(undefined);
              setDraft('');
            }}
          >
            + tag
          </button>
        ) : (
          <InlineTextForm
            label="New tag"
            testId="add-tag"
            placeholder="e.g. baseline"
            value={draft}
            maxLength={RUN_TAG_MAX}
            busy={update.isPending}
            error={refusal ?? (update.isError ? updateErrorText(update.error) : undefined)}
            onChange={(text) => {
              setDraft(text);
              setRefusal(undefined);
              update.reset();
            }}
            onCancel={() => setDraft(null)}
            onSave={save}
          />
        ))}
      {draft === null && update.isError && (
        <span className="field-error" role="alert" data-testid="run-tags-error">
          {updateErrorText(update.error)}
        </span>
      )}
    </span>
  );
}
