import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { TCompareQuery, TCompareResult, TCompareSeries } from '@tensorscope/shared';
import { compareKeys } from '@tensorscope/shared';

/*
 * The compare answer assembled from per-run parts. Each run's series (for the same tags, buckets,
 * window and smoothing) are cached under a key of their own, so a new selection asks the server
 * only for the runs it has not answered yet: adding the 100th run fetches one run, not 100
 * (a 100-run answer is the slowest request the dashboard makes), removing one fetches nothing.
 * A part is a compare key too (runs: [id]), so invalidateCompareForRuns marks a live run's part
 * stale with the rest, and the next assembly refetches just the runs that moved.
 */

/** Third key part of a per-run part; see compareKeyRuns for the shape the live refresh reads. */
export const RUN_PART_KEY_PART = 'run-part';

export interface TRunPart {
  series: TCompareSeries[];
  /** The API says the run does not exist. */
  missing: boolean;
}

export const runPartKey = (query: TCompareQuery, runId: string) =>
  [...compareKeys.series({ ...query, runs: [runId] }), RUN_PART_KEY_PART] as const;

/**
 * Parts being fetched, by client and part key: an assembly that needs a part already on its way
 * (the run picker fetches its results ahead of a click, see addableRunsQuery) waits for that
 * answer instead of asking again.
 */
const inFlight = new WeakMap<QueryClient, Map<string, Promise<TRunPart>>>();

function inFlightOf(client: QueryClient): Map<string, Promise<TRunPart>> {
  let parts = inFlight.get(client);
  if (parts === undefined) inFlight.set(client, (parts = new Map()));
  return parts;
}

/** One request for `ids`, each run's part cached and, until the answer, findable in flight. */
async function fetchParts(
  client: QueryClient,
  query: TCompareQuery,
  ids: readonly string[],
  fetch: (query: TCompareQuery) => Promise<TCompareResult>,
): Promise<Map<string, TRunPart>> {
  const pending = inFlightOf(client);
  const answer = fetch({ ...query, runs: [...ids] }).then((result) => {
    const missing = new Set(result.missingRuns);
    const byRun = new Map<string, TRunPart>(ids.map((id) => [id, { series: [], missing: missing.has(id) }]));
    for (const s of result.series) byRun.get(s.runId)?.series.push(s);
    for (const [id, part] of byRun) client.setQueryData(runPartKey(query, id), part);
    return byRun;
  });
  const keys = ids.map((id) => hashKey(runPartKey(query, id)));
  keys.forEach((key, i) => {
    const part = answer.then((byRun) => byRun.get(ids[i]!)!);
    part.catch(() => undefined); // a failure reaches whoever awaits it; none unhandled here
    pending.set(key, part);
  });
  try {
    return await answer;
  } finally {
    for (const key of keys) pending.delete(key);
  }
}

/** The run's cached part for `query`, unless there is none or the live refresh invalidated it. */
function freshPart(client: QueryClient, query: TCompareQuery, runId: string): TRunPart | undefined {
  const state = client.getQueryState<TRunPart>(runPartKey(query, runId));
  return state?.data && !state.isInvalidated ? state.data : undefined;
}

/** The compare answer from every run's part, in request order as the API gives it. */
function assemble(query: TCompareQuery, partOf: (runId: string) => TRunPart): TCompareResult {
  return {
    series: query.runs.flatMap((id) => partOf(id).series),
    missingRuns: query.runs.filter((id) => partOf(id).missing),
  };
}

/**
 * The answer for `query` from cached parts alone, when every run has a fresh one (else
 * undefined): what a new selection shows on its very first render when its runs were fetched
 * before (a removed run, or one the picker fetched ahead of the click).
 */
export function compareFromCachedParts(client: QueryClient, query: TCompareQuery): TCompareResult | undefined {
  const parts = new Map<string, TRunPart>();
  for (const id of query.runs) {
    const part = freshPart(client, query, id);
    if (part === undefined) return undefined;
    parts.set(id, part);
  }
  return assemble(query, (id) => parts.get(id)!);
}

/**
 * The answer for `query`: fresh cached parts, parts already being fetched, and one request
 * (through `fetch`) for the runs without either, whose parts are then cached. A part another
 * request was fetching and failed to get is asked for again here.
 */
export async function compareFromParts(
  client: QueryClient,
  query: TCompareQuery,
  fetch: (query: TCompareQuery) => Promise<TCompareResult>,
): Promise<TCompareResult> {
  const parts = new Map<string, TRunPart>();
  const borrowed: [string, Promise<TRunPart | undefined>][] = [];
  const wanted: string[] = [];
  const pending = inFlightOf(client);
  for (const id of query.runs) {
    const cached = freshPart(client, query, id);
    const elsewhere = cached === undefined ? pending.get(hashKey(runPartKey(query, id))) : undefined;
    if (cached !== undefined) parts.set(id, cached);
    else if (elsewhere !== undefined) borrowed.push([id, elsewhere.catch(() => undefined)]);
    else wanted.push(id);
  }
  const [own, lent] = await Promise.all([
    wanted.length > 0 ? fetchParts(client, query, wanted, fetch) : new Map<string, TRunPart>(),
    Promise.all(borrowed.map(async ([id, part]) => [id, await part] as const)),
  ]);
  for (const [id, part] of own) parts.set(id, part);
  for (const [id, part] of lent) if (part !== undefined) parts.set(id, part);
  const failed = lent.filter(([, part]) => part === undefined).map(([id]) => id);
  if (failed.length > 0) for (const [id, part] of await fetchParts(client, query, failed, fetch)) parts.set(id, part);
  return assemble(query, (id) => parts.get(id)!);
}
