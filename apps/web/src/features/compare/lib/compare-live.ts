import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TRun } from '@tensorscope/shared';
import { compareKeys } from '@tensorscope/shared';

/*
 * Live comparison: a selected run that logs new points makes the compare answers that include it
 * stale. Many runs may train at once, each flushing points several times a second, so refetches
 * are throttled: at most one round per interval, covering every run signalled meanwhile.
 */

export const LIVE_REFRESH_MS = 2_000;
/** The full-resolution roughness answers are large; a running run refreshes them less often. */
export const ROUGHNESS_REFRESH_MS = 15_000;

export interface TTimers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: TTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TRefresher {
  /** A run got new data; `final` (it just finished) refreshes even the slow answers. */
  signal(runId: string, final?: boolean): void;
  dispose(): void;
}

/**
 * Leading and trailing throttle: the first signal after a quiet interval flushes at once, later
 * ones are collected and flushed together when the interval is over.
 */
export function createRefresher(
  flush: (runIds: ReadonlySet<string>, final: boolean) => void,
  intervalMs: number,
  timers: TTimers = realTimers,
): TRefresher {
  let pending = new Set<string>();
  let pendingFinal = false;
  let last = -Infinity;
  let timer: unknown = null;
  const run = () => {
    timer = null;
    last = timers.now();
    const ids = pending;
    const final = pendingFinal;
    pending = new Set();
    pendingFinal = false;
    if (ids.size > 0) flush(ids, final);
  };
  return {
    signal(runId, final = false) {
      pending.add(runId);
      pendingFinal ||= final;
      if (timer !== null) return;
      const wait = last + intervalMs - timers.now();
      if (wait <= 0) run();
      else timer = timers.setTimeout(run, wait);
    },
    dispose() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}

/** The run ids a compare query key asks for, or null for any other key. */
export function compareKeyRuns(queryKey: QueryKey): readonly string[] | null {
  if (queryKey[0] !== compareKeys.all[0]) return null;
  const query = queryKey[1] as { runs?: unknown } | undefined;
  return query && Array.isArray(query.runs) ? (query.runs as string[]) : null;
}

/** Roughness answers carry a third key part; see useCompareRoughness. */
export const ROUGHNESS_KEY_PART = 'roughness';

/**
 * Marks stale every compare answer that includes one of `runIds` (active ones refetch). Roughness
 * answers younger than ROUGHNESS_REFRESH_MS are spared unless a run just finished.
 */
export function invalidateCompareForRuns(queryClient: QueryClient, runIds: ReadonlySet<string>, final: boolean, now = Date.now()): void {
  void queryClient.invalidateQueries({
    queryKey: compareKeys.all,
    predicate: (query) => {
      const runs = compareKeyRuns(query.queryKey);
      if (!runs || !runs.some((id) => runIds.has(id))) return false;
      if (query.queryKey[2] === ROUGHNESS_KEY_PART && !final) return now - query.state.dataUpdatedAt >= ROUGHNESS_REFRESH_MS;
      return true;
    },
  });
}

/**
 * What of a run row says "it has new points": its progress step and status. The socket patches
 * progress into the cached row about twice a second while a run trains, and replaces the row when
 * its status changes; a change of this mark is the signal to refresh.
 */
export function runActivityMark(run: Pick<TRun, 'status' | 'progress'>): string {
  return `${run.status}:${run.progress?.step ?? ''}`;
}
