'use client';

import Link from 'next/link';
import { useSweep, useSweepRuns } from '../hooks/use-sweep-queries';
import { isNotFound } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { countStatuses, finishedCount } from '../lib/sweep-status';
import { ApiErrorState } from '../../../components/api-error-state';
import { Fact } from '../../../components/fact';
import { QueryList } from '../../../components/query-list';
import { SweepActions } from './sweep-actions';
import { SweepConfigCard } from './sweep-config-card';
import { SweepResultsTable } from './sweep-results-table';
import { SweepStatusCounts } from './sweep-status-counts';

/**
 * One sweep: what it varies, its runs and their results. Live without a subscription of its
 * own: every run's updates reach the run-list room, which refetches or patches its run list.
 */
export function SweepView({ id }: { id: string }) {
  const sweep = useSweep(id);
  const runs = useSweepRuns(id);

  if (sweep.isPending) return <p className="muted">Loading sweep…</p>;
  if (sweep.isError && !sweep.data) {
    if (isNotFound(sweep.error)) {
      return (
        <div className="state-box" role="alert" data-testid="sweep-not-found">
          <h2>Sweep not found</h2>
          <p>
            There is no sweep with this id. <Link href="/sweeps">Back to the sweeps</Link>
          </p>
        </div>
      );
    }
    return <ApiErrorState error={sweep.error} onRetry={() => void sweep.refetch()} what="sweep" />;
  }

  const data = sweep.data;
  const items = runs.data?.items;
  // The run rows are the fresher source (patched by the socket); the sweep's counts until they load.
  const counts = items ? countStatuses(items) : data.statusCounts;
  return (
    <>
      <section className="run-header">
        <div className="run-title">
          <h1 data-testid="sweep-name">{data.name}</h1>
          <span className="run-title-spacer" />
          <SweepActions sweepId={data.id} runs={items ?? []} />
        </div>
        <dl className="facts">
          <Fact term="Runs" className="mono">
            {finishedCount(counts)}/{data.runCount} finished
          </Fact>
          <Fact term="Status">
            <SweepStatusCounts counts={counts} />
          </Fact>
          <Fact term="Created">{formatTimestamp(data.createdAt)}</Fact>
          <Fact term="Id" className="mono small">
            {data.id}
          </Fact>
        </dl>
      </section>
      <SweepConfigCard sweep={data} />
      <QueryList query={runs} what="runs of this sweep" loading="Loading runs…">
        {(list) => <SweepResultsTable sweep={data} runs={list.items} />}
      </QueryList>
    </>
  );
}
