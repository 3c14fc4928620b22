import type { TRunListQuery } from '@tensorscope/shared';
import { ZRunListQuery, ZRunStatus } from '@tensorscope/shared';

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
  const page = Number(search.get('page'));
  const query: Partial<TRunListQuery> = {};
  if (status.success) query.status = status.data;
  if (name) query.name = name;
  if (archived && archived !== 'exclude') query.archived = archived;
  query.page = Number.isInteger(page) && page >= 1 ? page : 1;
  query.pageSize = RUN_LIST_PAGE_SIZE;
  return query;
}
