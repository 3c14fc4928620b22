'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useRef } from 'react';
import { parseCompareState, patchCompareState, serializeCompareState, type TCompareState } from '../lib/compare-url';

export type TCompareUpdate = (patch: Partial<TCompareState>, history?: 'push' | 'replace') => void;

/**
 * The comparison's state, read from and written to the URL. Writes go through the History API,
 * which Next's router follows (useSearchParams updates) without a server round trip per change.
 * Picking runs or tags pushes an entry (Back undoes it); sliders and zoom replace it.
 */
export function useCompareState(): [TCompareState, TCompareUpdate] {
  const search = useSearchParams();
  const key = search.toString();
  const state = useMemo(() => parseCompareState(new URLSearchParams(key)), [key]);
  // Two updates before the URL has been read back (a click and a debounced slider) must compose.
  const latest = useRef(state);
  const seenKey = useRef(key);
  if (seenKey.current !== key) {
    seenKey.current = key;
    latest.current = state;
  }

  const update = useCallback<TCompareUpdate>((patch, history = 'replace') => {
    const next = patchCompareState(latest.current, patch);
    latest.current = next;
    const qs = serializeCompareState(next);
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  return [state, update];
}
