'use client';

import type { TRunStatus } from '@tensorscope/shared';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useRunList } from '../hooks/use-run-queries';
import { compareHref } from '../../compare/lib/compare-url';
import { canLaunch } from '../../../lib/permissions';
import { nextSort, runListQueryFromSearch, type TArchivedFilter } from '../lib/run-list-query';
import { QueryList } from '../../../components/query-list';
import { LaunchLink } from '../../../components/launch-link';
import { Pagination } from './pagination';
import { RunFilters } from './run-filters';
import { RunColumnPicker } from './run-column-picker';
import { useRunColumns } from '../hooks/use-run-columns';
import { RunTable, type RunSelection } from './run-table';

export function RunListPage() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Filters live in the URL so a filtered page can be bookmarked, shared and navigated back to.
  const query = useMemo(() => runListQueryFromSearch(new URLSearchParams(search.toString())), [search]);
  const list = useRunList(query);
  const launch = canLaunch(useSignedInUser());
  const [columns, setColumns] = useRunColumns();

  const setSearch = useCallback(
    (
      changes: { status?: TRunStatus | ''; name?: string; archived?: TArchivedFilter; filter?: string; sort?: string; page?: number },
      mode: 'push' | 'replace' = 'push',
    ) => {
      const next = new URLSearchParams(search.toString());
      for (const [key, value] of Object.entries(changes)) {
        // Defaults are left out of the URL (see runListQueryFromSearch).
        if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'archived' && value === 'exclude'))
          next.delete(key);
        else next.set(key, String(value));
      }
      // A new filter starts again from the first page.
      if (!('page' in changes)) next.delete('page');
      const qs = next.toString();
      router[mode](qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [search, router, pathname],
  );

  // Ticked runs, in the order they were ticked (that order gives their colours in the comparison).
  // Kept while paging and filtering, so runs from several pages can be compared.
  const [picked, setPicked] = useState<string[]>([]);
  const selection = useMemo<RunSelection>(
    () => ({
      selected: new Set(picked),
      onToggle: (runId, checked) =>
        setPicked((current) =>
          checked ? (current.includes(runId) ? current : [...current, runId]) : current.filter((id) => id !== runId),
        ),
      onToggleAll: (runIds, checked) =>
        setPicked((current) =>
          checked ? [...current, ...runIds.filter((id) => !current.includes(id))] : current.filter((id) => !runIds.includes(id)),
        ),
    }),
    [picked],
  );

  const filtered = Boolean(query.status || query.name || query.filter || query.archived === 'only');
  const empty = (
    <div className="state-box" data-testid="run-list-empty">
      {filtered ? (
        <p>No run matches these filters.</p>
      ) : (
        <p>
          No runs yet.
          {launch.ok && (
            <>
              {' '}
              <Link href="/runs/new">Start the first one</Link>.
            </>
          )}
        </p>
      )}
    </div>
  );

  return (
    <>
      <div className="page-head">
        <h1>Runs</h1>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          {picked.length > 0 && (
            <button type="button" className="button" onClick={() => setPicked([])} data-testid="clear-selection">
              Clear selection
            </button>
          )}
          {picked.length > 0 ? (
            <Link href={compareHref(picked)} className="button" data-testid="compare-selected">
              Compare ({picked.length})
            </Link>
          ) : (
            <button type="button" className="button" disabled title="Tick runs in the table to compare them" data-testid="compare-selected">
              Compare (0)
            </button>
          )}
          <RunColumnPicker shown={columns} onChange={setColumns} />
          <LaunchLink href="/runs/new" verdict={launch} testId="new-run">
            + New run
          </LaunchLink>
        </div>
      </div>
      <RunFilters
        status={query.status ?? ''}
        name={query.name ?? ''}
        archived={query.archived ?? 'exclude'}
        onStatusChange={(status) => setSearch({ status })}
        onArchivedChange={(archived) => setSearch({ archived })}
        // Typing replaces the history entry: Back shouldn't replay every keystroke.
        onNameChange={(name) => setSearch({ name }, 'replace')}
        filter={query.filter ?? ''}
        onFilterChange={(filter) => setSearch({ filter }, 'replace')}
      />
      <QueryList query={list} what="runs" loading="Loading runs…" refetchErrors empty={empty}>
        {(data) => (
          <>
            <RunTable
              runs={data.items}
              dimmed={list.isPlaceholderData}
              selection={selection}
              sort={query.sort}
              extraColumns={columns}
              onSort={(column) => setSearch({ sort: nextSort(query.sort, column) })}
            />
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPageChange={(page) => setSearch({ page })} />
          </>
        )}
      </QueryList>
    </>
  );
}
