import type { TRunListQuery } from '@tensorscope/shared';
import { ZRunListQuery, ZRunStatus, parseRunFilter, parseRunSort } from '@tensorscope/shared';

export const RUN_LIST_PAGE_SIZE = 20;

export type TArchivedFilter = TRunListQuery['archived'];
/** exclude: archived runs hidden (the API's default); include: shown with the others; only: alone. */
export const ARCHIVED_FILTERS: readonly TArchivedFilter[] = ZRunListQuery.shape.archived.unwrap().options;

/**
 * The run list's query, read from the page's URL: filters live there so a filtered page can be
 * bookmarked, shared and navigated back to. Defaults are left out (archived=exclude too), so the
 * URL, the cache key and the request all stay as short as the filter is.
 */
export function runListQueryFromSearch(search: URLSearchParams): Partial<TRunListQuery> {
  const status = ZRunStatus.safeParse(search.get('status'));
  const name = search.get('name')?.trim();
  const archived = ARCHIVED_FILTERS.find((value) => value === search.get('archived'));
  const filter = search.get('filter')?.trim();
  const sort = search.get('sort')?.trim();
  const page = Number(search.get('page'));
  const query: Partial<TRunListQuery> = {};
  if (status.success) query.status = status.data;
  if (name) query.name = name;
  if (archived && archived !== 'exclude') query.archived = archived;
  // A hand-edited URL with a filter the API would refuse is dropped here, not sent to fail.
  if (filter && parseRunFilter(filter).ok) query.filter = filter;
  if (sort && parseRunSort(sort).ok) query.sort = sort;
  query.page = Number.isInteger(page) && page >= 1 ? page : 1;
  query.pageSize = RUN_LIST_PAGE_SIZE;
  return query;
}

/** The next sort when a column header is clicked: that column descending, then ascending, then the default again. */
export function nextSort(current: string | undefined, column: string): string | undefined {
  if (current === `-${column}`) return column;
  if (current === column) return undefined;
  return `-${column}`;
}
