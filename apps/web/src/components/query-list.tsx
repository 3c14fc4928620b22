'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiErrorState } from './api-error-state';

interface QueryListProps<D extends { items: readonly unknown[] }> {
  query: UseQueryResult<D>;
  /** What could not be loaded, for the error box ("runs", "API tokens"). */
  what: string;
  /** The line shown until the first answer ("Loading runs…"). */
  loading: string;
  /** Shown instead of the rows when the list is empty; without it the rows render an empty list. */
  empty?: ReactNode;
  /** Polled lists keep their rows when a refetch fails: the error then shows below them. */
  refetchErrors?: boolean;
  children: (data: D) => ReactNode;
}

/**
 * The states of a listed resource, the same on every list page: the API's error (with Retry)
 * while there is nothing to show, a loading line, the empty state, then the rows.
 */
export function QueryList<D extends { items: readonly unknown[] }>(props: QueryListProps<D>) {
  const { query, what, loading, empty, refetchErrors = false, children } = props;
  const error = <ApiErrorState error={query.error} onRetry={() => void query.refetch()} what={what} />;
  if (query.data === undefined) return query.isError ? error : <p className="muted">{loading}</p>;
  return (
    <>
      {empty !== undefined && query.data.items.length === 0 ? empty : children(query.data)}
      {refetchErrors && query.isError && error}
    </>
  );
}
