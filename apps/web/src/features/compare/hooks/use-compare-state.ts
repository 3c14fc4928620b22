'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { parseCompareState, patchCompareState, serializeCompareState, type TCompareState } from '../lib/compare-url';
import { compareUrlKey, createUrlWriter, ownAfterChange, ownAfterUrl, type THistoryMode, type TOwnState } from '../lib/compare-url-sync';

export type TCompareUpdate = (patch: Partial<TCompareState>, history?: THistoryMode) => void;

/**
 * Once the frame showing the change is painted and the page is idle: the URL write (Next's router
 * renders the page again in a transition for it, ~100 ms on the 100-run bench) never delays it.
 */
const afterPaint = (flush: () => void) =>
  requestAnimationFrame(() => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(flush, { timeout: 500 });
    else setTimeout(flush, 0);
  });

/**
 * The comparison's state, read from and written to the URL. A change shows at once from the
 * view's own copy and reaches the URL after the frame that shows it (see compare-url-sync); the
 * URL wins again once it caught up, or when it changes from elsewhere (Back, a link). Writes go
 * through the History API, which Next's router follows without a server round trip. Picking runs
 * or tags pushes an entry (Back undoes it); sliders and zoom replace it.
 */
export function useCompareState(): [TCompareState, TCompareUpdate] {
  const search = useSearchParams();
  const key = search.toString();
  const fromUrl = useMemo(() => parseCompareState(new URLSearchParams(key)), [key]);
  const own = useRef<TOwnState | null>(null);
  const seenKey = useRef(key);
  if (seenKey.current !== key) {
    seenKey.current = key;
    own.current = ownAfterUrl(own.current, key);
  }
  const state = own.current?.state ?? fromUrl;
  // Two updates before a render (a click and a debounced slider) must compose.
  const latest = useRef(state);
  latest.current = state;
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const [writer] = useState(() =>
    createUrlWriter((url, mode) => {
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }, afterPaint),
  );
  // Back and Forward: the URL they land on is the state, even one this view wrote earlier.
  useEffect(() => {
    const onPop = () => {
      writer.cancel();
      own.current = null;
      rerender();
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      // Leaving the page: a write still pending would put /compare back over the next page's URL.
      writer.cancel();
    };
  }, [writer]);

  const update = useCallback<TCompareUpdate>(
    (patch, history = 'replace') => {
      const next = patchCompareState(latest.current, patch);
      // Nothing changed (a control set to what it shows): no render, no history entry.
      if (compareUrlKey(next) === compareUrlKey(latest.current)) return;
      latest.current = next;
      own.current = ownAfterChange(own.current, next);
      rerender();
      const qs = serializeCompareState(next);
      writer.write(`${window.location.pathname}${qs ? `?${qs}` : ''}`, history);
    },
    [writer],
  );

  return [state, update];
}
