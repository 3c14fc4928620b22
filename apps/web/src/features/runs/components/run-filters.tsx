'use client';

import type { TRunStatus } from '@tensorscope/shared';
import { RUN_STATUSES } from '@tensorscope/shared';
import { useDebouncedDraft } from '../../../hooks/use-debounced-draft';
import { Picker } from '../../../components/picker';
import { TextField } from '../../../components/text-field';
import { ARCHIVED_FILTERS, type TArchivedFilter } from '../lib/run-list-query';
import { checkFilterText } from '../lib/run-filter-text';

/** '' is "all statuses". */
const STATUS_OPTIONS: readonly (TRunStatus | '')[] = ['', ...RUN_STATUSES];
const ARCHIVED_LABELS: Record<TArchivedFilter, string> = { exclude: 'no', include: 'yes, with the others', only: 'only archived' };

interface Props {
  status: TRunStatus | '';
  name: string;
  archived: TArchivedFilter;
  filter: string;
  onStatusChange(status: TRunStatus | ''): void;
  onArchivedChange(archived: TArchivedFilter): void;
  onNameChange(name: string): void;
  onFilterChange(filter: string): void;
}

export function RunFilters({ status, name, archived, filter, onStatusChange, onArchivedChange, onNameChange, onFilterChange }: Props) {
  // What the user is typing; the URL (and the request) follow once typing pauses, and a filter
  // set from elsewhere (Back, a link) shows in the box.
  const [text, setText] = useDebouncedDraft(name, onNameChange, 300, (typed) => typed.trim());
  // The expression commits only when it parses: a half-typed filter keeps the last good list.
  const [expression, setExpression] = useDebouncedDraft(filter, onFilterChange, 400, (typed) => {
    const check = checkFilterText(typed);
    return check.state === 'valid' ? check.text : check.state === 'empty' ? '' : filter;
  });
  const check = checkFilterText(expression);

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
      <TextField
        label="Name"
        className="filter filter--grow"
        type="search"
        name="search"
        testId="filter-name"
        placeholder="filter by name…"
        value={text}
        onChange={setText}
      />
      <TextField
        label="Filter"
        className="filter filter--expression"
        type="search"
        name="filter"
        testId="filter-expression"
        placeholder="e.g. hiddenSize >= 256 and test/accuracy > 0.9"
        spellCheck={false}
        value={expression}
        invalid={check.state === 'invalid'}
        describedBy="filter-expression-help"
        onChange={setExpression}
      >
        <small
          id="filter-expression-help"
          className={check.state === 'invalid' ? 'field-error' : 'muted'}
          data-testid="filter-expression-help"
        >
          {check.state === 'invalid'
            ? `${check.message} (at character ${check.position + 1})`
            : 'config fields, test/accuracy or best(test/accuracy), status, name ~ text, tag; and, or, not, in (…)'}
        </small>
      </TextField>
    </div>
  );
}
