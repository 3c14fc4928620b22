'use client';

import Link from 'next/link';
import { useSignedInUser } from '../../../hooks/use-me';
import { useNow } from '../../../hooks/use-now';
import { useSweepList } from '../hooks/use-sweep-queries';
import { formatRelative, formatTimestamp } from '../../../lib/format';
import { canLaunch } from '../../../lib/permissions';
import { finishedCount } from '../lib/sweep-status';
import { DataTable } from '../../../components/data-table';
import { QueryList } from '../../../components/query-list';
import { LaunchLink } from '../../../components/launch-link';
import { SweepStatusCounts } from './sweep-status-counts';

const SWEEP_COLUMNS = ['Name', 'Varies', { label: 'Runs', className: 'num' }, 'Finished', 'Status', 'Created'];

/** Every sweep, newest first; the socket keeps the counts fresh (a run's update invalidates its sweep). */
export function SweepListPage() {
  const list = useSweepList();
  const now = useNow(15_000);
  const launch = canLaunch(useSignedInUser(), 'sweeps');
  const empty = (
    <div className="state-box" data-testid="sweep-list-empty">
      <p>
        No sweeps yet. A sweep launches one run per combination of values
        {launch.ok ? (
          <>
            : <Link href="/runs/new?mode=sweep">start the first one</Link>.
          </>
        ) : (
          '.'
        )}
      </p>
    </div>
  );

  return (
    <>
      <div className="page-head">
        <h1>Sweeps</h1>
        <LaunchLink href="/runs/new?mode=sweep" verdict={launch} testId="new-sweep">
          + New sweep
        </LaunchLink>
      </div>
      <QueryList query={list} what="sweeps" loading="Loading sweeps…" refetchErrors empty={empty}>
        {(data) => (
          <DataTable testId="sweep-list" className="runs-table" columns={SWEEP_COLUMNS}>
            {data.items.map((sweep) => (
              <tr key={sweep.id} data-testid="sweep-row" data-sweep-id={sweep.id}>
                <td className="cell-name">
                  <Link href={`/sweeps/${sweep.id}`}>{sweep.name}</Link>
                </td>
                <td className="mono small">{sweep.axes.map((a) => `${a.field} (${a.values.length})`).join(' × ')}</td>
                <td className="num mono">{sweep.runCount}</td>
                <td className="mono">
                  {finishedCount(sweep.statusCounts)}/{sweep.runCount}
                </td>
                <td>
                  <SweepStatusCounts counts={sweep.statusCounts} />
                </td>
                <td title={formatTimestamp(sweep.createdAt)}>{formatRelative(sweep.createdAt, now)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryList>
    </>
  );
}
