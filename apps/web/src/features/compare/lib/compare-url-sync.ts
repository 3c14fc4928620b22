import { serializeCompareState, type TCompareState } from './compare-url';

/*
 * The comparison's state lives in the URL, but a control change must not wait for the URL: Next's
 * router applies a history write as a transition, and rendering 100 runs' view behind it took
 * ~100 ms before the chart was even asked to redraw (the chart size, plain React state, took ~25).
 * So a change is shown at once from the view's own copy (an urgent render), and written to the
 * URL after the frame that shows it. These functions decide which state the view shows while the
 * two differ, and coalesce the writes.
 */

/** The URL query as useSearchParams().toString() spells it, for comparing with what was written. */
export const compareUrlKey = (state: TCompareState): string => new URLSearchParams(serializeCompareState(state)).toString();

/** The view's own newest state, ahead of the URL, and the URL keys written for it and before it. */
export interface TOwnState {
  state: TCompareState;
  /** compareUrlKey(state): the URL once the last write lands. */
  key: string;
  /** Keys this view wrote since it got ahead: the URL passing through them is the writes landing. */
  written: ReadonlySet<string>;
}

/** The own state after a change made in this view. */
export function ownAfterChange(own: TOwnState | null, state: TCompareState): TOwnState {
  const key = compareUrlKey(state);
  return { state, key, written: new Set([...(own?.written ?? []), key]) };
}

/**
 * The own state once the URL reads `urlKey`: kept while the URL is on its way (at a key this view
 * wrote) and once it caught up, so the view keeps the very state object it already rendered (a
 * fresh parse of the same URL gave new arrays, and the legend and pickers rendered again for
 * nothing); dropped when the URL moved somewhere this view did not write (a link; Back and
 * Forward drop it by their own event).
 */
export function ownAfterUrl(own: TOwnState | null, urlKey: string): TOwnState | null {
  if (!own || !own.written.has(urlKey)) return null;
  // Caught up: later writes start a new list, so the URL coming back to an old key is not taken for one of them.
  return urlKey === own.key ? { ...own, written: new Set([urlKey]) } : own;
}

export type THistoryMode = 'push' | 'replace';

/**
 * Writes to the URL, later and at most once per `schedule` tick: the newest URL wins, and a push
 * among the coalesced writes stays a push (a new axis gets its Back entry even if a slider's
 * replace followed it). `cancel` drops what is pending (Back was pressed meanwhile).
 */
export function createUrlWriter(
  write: (url: string, mode: THistoryMode) => void,
  schedule: (flush: () => void) => void,
): { write: (url: string, mode: THistoryMode) => void; cancel: () => void } {
  let pending: { url: string; mode: THistoryMode } | null = null;
  let generation = 0;
  return {
    write(url, mode) {
      const scheduled = pending !== null;
      pending = { url, mode: pending?.mode === 'push' ? 'push' : mode };
      if (scheduled) return;
      const mine = generation;
      schedule(() => {
        if (mine !== generation || !pending) return;
        const { url: last, mode: how } = pending;
        pending = null;
        write(last, how);
      });
    },
    cancel() {
      generation++;
      pending = null;
    },
  };
}
