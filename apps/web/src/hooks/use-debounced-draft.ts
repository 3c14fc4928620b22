'use client';

import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './use-debounced-value';

/**
 * A control's draft of a value that lives in the URL: the control shows the draft at once, and
 * `onCommit` gets it once it has rested for `delayMs` (so typing or dragging doesn't refetch on
 * every step). A change of `value` from elsewhere (Back, a link) replaces the draft; the value
 * coming back from this control's own commit leaves the draft alone, so typing is never undone.
 * `toValue` turns a draft into the value it stands for (a trimmed search text).
 */
export function useDebouncedDraft<T>(
  value: T,
  onCommit: (value: T) => void,
  delayMs: number,
  toValue: (draft: T) => T = (draft) => draft,
): [T, (draft: T) => void] {
  const [draft, setDraft] = useState(value);
  const settled = toValue(useDebouncedValue(draft, delayMs));
  // The effects below run on their own trigger only (a settled draft, a new value), reading the
  // rest here: a new onCommit identity must not commit again.
  const latest = useRef({ value, onCommit, settled });
  useEffect(() => {
    latest.current = { value, onCommit, settled };
  });
  useEffect(() => {
    if (!Object.is(settled, latest.current.value)) latest.current.onCommit(settled);
  }, [settled]);
  useEffect(() => {
    if (!Object.is(value, latest.current.settled)) setDraft(value);
  }, [value]);
  return [draft, setDraft];
}
