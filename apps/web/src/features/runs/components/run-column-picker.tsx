'use client';

import { Popover } from '../../../components/popover';
import { EXTRA_COLUMNS, type TExtraColumn } from '../lib/run-extra-columns';

/** "Columns": ticks for the config fields and metrics the run list shows besides its own columns. */
export function RunColumnPicker({ shown, onChange }: { shown: readonly TExtraColumn[]; onChange: (ids: string[]) => void }) {
  const ids = new Set(shown.map((c) => c.id));
  const toggle = (id: string) => onChange(EXTRA_COLUMNS.filter((c) => (c.id === id ? !ids.has(id) : ids.has(c.id))).map((c) => c.id));
  return (
    <Popover className="compare-popover" label={`Columns${shown.length ? ` (+${shown.length})` : ''}`} testId="run-columns">
      {() => (
        <div className="compare-popover-body run-column-picker" data-testid="run-column-picker">
          {EXTRA_COLUMNS.map((column) => (
            <label key={column.id} className="choice-check">
              <input type="checkbox" checked={ids.has(column.id)} onChange={() => toggle(column.id)} data-testid={`column-${column.id}`} />
              {column.label}
            </label>
          ))}
        </div>
      )}
    </Popover>
  );
}
