'use client';

import { MAX_COMPARE_TAGS } from '@tensorscope/shared';
import { useMemo, useState } from 'react';
import { useCompareTags } from '../hooks/use-compare-queries';
import { filterTagGroups, groupTags, toggleTag } from '../lib/compare-tags';
import { PopoverSearch } from './popover-search';
import { Popover } from '../../../components/popover';

interface TagPickerProps {
  runIds: readonly string[];
  tags: readonly string[];
  /** null: back to the default tags. */
  onChange: (tags: string[] | null) => void;
}

function TagChoices({ runIds, tags, onChange }: TagPickerProps) {
  const available = useCompareTags(runIds, true);
  const [filter, setFilter] = useState('');
  // Tags picked earlier stay listed even if no run has them (yet), so they can be unticked.
  const groups = useMemo(() => groupTags([...available.tags, ...tags]), [available.tags, tags]);
  const shown = useMemo(() => filterTagGroups(groups, filter), [groups, filter]);
  const full = tags.length >= MAX_COMPARE_TAGS;
  return (
    <div className="compare-popover-body">
      <PopoverSearch label="Filter tags" testId="compare-tag-filter" value={filter} onChange={setFilter}>
        <button type="button" className="button" onClick={() => onChange(null)} title="Train/test accuracy and loss">
          Defaults
        </button>
      </PopoverSearch>
      {full && <p className="muted small">At most {MAX_COMPARE_TAGS} tags at once.</p>}
      {available.loading && <p className="muted small">Loading the runs’ tags…</p>}
      <div className="compare-tag-groups">
        {shown.map((group) => (
          <fieldset key={group.group} className="compare-tag-group">
            <legend>{group.group}</legend>
            {group.tags.map((tag) => {
              const checked = tags.includes(tag);
              return (
                <label key={tag} className="compare-tag-option mono">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && full}
                    onChange={(e) => onChange(toggleTag(tags, tag, e.target.checked, MAX_COMPARE_TAGS))}
                    data-testid="compare-tag-option"
                    data-tag={tag}
                  />
                  {tag}
                </label>
              );
            })}
          </fieldset>
        ))}
        {!available.loading && shown.length === 0 && <p className="muted">No tag matches.</p>}
      </div>
    </div>
  );
}

/**
 * Which tags get a chart: the union of the selected runs' tags, grouped (core metrics first),
 * fetched only while the picker is open.
 */
export function CompareTagPicker({ runIds, tags, onChange }: TagPickerProps) {
  return (
    <Popover className="compare-popover" label={`Tags (${tags.length})`} testId="compare-pick-tags">
      {() => <TagChoices runIds={runIds} tags={tags} onChange={onChange} />}
    </Popover>
  );
}
