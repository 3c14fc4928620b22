'use client';

import type { TRunStatus } from '@tensorscope/shared';
import { RUN_STATUSES } from '@tensorscope/shared';
import { useDebouncedDraft } from '../../../hooks/use-debounced-draft';
import { Picker } from '../../../components/picker';
import { ARCHIVED_FILTERS, type TArchivedFilter } from '../lib/run-list-query';

/** '' is "all statuses". */
const STATUS_OPTIONS: readonly (TRunStatus | '')[] = ['', ...RUN_STATUSES];
const ARCHIVED_LABELS: Record<TArchivedFilter, string> = { exclude: 'no', include: 'yes, with the others', only: 'only archived' };

interface Props {
  status: TRunStatus | '';
  name: string;
  archived: TArchivedFilter;
  onStatusChange(status: TRunStatus | ''): void;
  onArchivedChange(archived: TArchivedFilter): void;
  onNameChange(name: string): void;
}

export function RunFilters({ status, name, archived, onStatusChange, onArchivedChange, onNameChange }: Props) {
  // What the user is typing; the URL (and the request) follow once typing pauses, and a filter
  // set from elsewhere (Back, a link) shows in the box.
  const [text, setText] = useDebouncedDraft(name, onNameChange, 300, (typed) => typed.trim());

  return (
    <div className="filters" role="search">
      <Picker
        label="Status"
        name="status"
        testId="filter-status"
        options={STATUS_OPTIONS}
        value={status}
        optionLabel={(s) => (s === '' ? 'all' : s)}
        onChange={onStatusChange}
      />
      <Picker
        label="Show archived"
        name="archived"
        testId="show-archived"
        options={ARCHIVED_FILTERS}
        value={archived}
        optionLabel={(value) => ARCHIVED_LABELS[value]}
        onChange={onArchivedChange}
      />
      <label className="filter filter--grow">
        <span>Name</span>
        <input
          type="search"
          name="search"
          data-testid="filter-name"
          placeholder="filter by name…"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
    </div>
  );
}
