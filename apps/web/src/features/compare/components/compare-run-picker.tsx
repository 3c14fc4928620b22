'use client';

import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useRunList } from '../../runs/hooks/use-run-queries';
import { runSearchQuery } from '../../runs/lib/run-filter-text';
import { StatusBadge } from '../../../components/status-badge';
import { PopoverSearch } from './popover-search';
import { modelDetail } from '../../runs/lib/config-display';
import { Popover } from '../../../components/popover';

const RESULTS = 12;

interface TRunSearchProps {
  selected: ReadonlySet<string>;
  onAdd: (ids: string[]) => void;
  /** The runs listed that could be added, each time the list changes (the view fetches their series ahead of a click). */
  onResults?: ((ids: readonly string[]) => void) | undefined;
}

function RunSearch({ selected, onAdd, onResults }: TRunSearchProps) {
  const [name, setName] = useState('');
  const debounced = useDebouncedValue(name.trim(), 250);
  // A filter expression (`hiddenSize >= 256 and test/accuracy > 0.9`) filters; other text searches names.
  const list = useRunList({ ...runSearchQuery(debounced), page: 1, pageSize: RESULTS });
  const items = list.data?.items ?? [];
  const addable = items.filter((run) => !selected.has(run.id)).map((run) => run.id);
  // Told once per new list, not again when the view hands a new callback (it does on every render).
  const onResultsRef = useRef(onResults);
  useEffect(() => {
    onResultsRef.current = onResults;
  });
  const addableKey = addable.join(',');
  useEffect(() => {
    if (addableKey) onResultsRef.current?.(addableKey.split(','));
  }, [addableKey]);
  return (
    <div className="compare-popover-body">
      <PopoverSearch
        label="Name, or a filter: hiddenSize >= 256 and test/accuracy > 0.9"
        testId="compare-run-search"
        value={name}
        onChange={setName}
        autoFocus
      >
        <button type="button" className="button" disabled={addable.length === 0} onClick={() => onAdd(addable)}>
          Add all {addable.length > 0 ? addable.length : ''}
        </button>
      </PopoverSearch>
      {list.isError ? (
        <p className="muted">Could not search the runs.</p>
      ) : list.isPending ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No run matches “{debounced}”.</p>
      ) : (
        <ul className="compare-pick-list">
          {items.map((run) => {
            const added = selected.has(run.id);
            return (
              <li key={run.id}>
                <button
                  type="button"
                  className="compare-pick"
                  disabled={added}
                  onClick={() => onAdd([run.id])}
                  data-testid="compare-run-option"
                  data-run-id={run.id}
                >
                  <span className="compare-pick-name">{run.name}</span>
                  <span className="muted small">
                    {run.model}
                    {modelDetail(run.config) !== undefined ? ` / ${modelDetail(run.config)}` : ''}
                  </span>
                  <StatusBadge status={run.status} />
                  <span className="muted small">{added ? 'added' : '+ add'}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {list.data && list.data.total > items.length && (
        <p className="muted small">{list.data.total - items.length} more: refine the search, or pick them on the Runs page.</p>
      )}
    </div>
  );
}

/** "Add runs": search by name and add; the list is fetched only while the picker is open. */
export function CompareRunPicker({
  selected,
  onAdd,
  onResults,
}: {
  selected: readonly string[];
  onAdd: (ids: string[]) => void;
  onResults?: (ids: readonly string[]) => void;
}) {
  return (
    <Popover className="compare-popover" label="+ Add runs" testId="compare-add-runs">
      {() => <RunSearch selected={new Set(selected)} onAdd={onAdd} onResults={onResults} />}
    </Popover>
  );
}
