'use client';

import { useRun } from '../hooks/use-run-queries';
import { useRunSubscription } from '../socket/socket-provider';
import { ApiErrorState } from './api-error-state';
import { LayersPanel } from './layers-panel';
import { RunCharts } from './run-charts';
import { RunConfigTable } from './run-config-table';
import { RunHeader } from './run-header';
import { RunMetricsTable } from './run-metrics-table';
import { RunProgress } from './run-progress';
import { RunTabs, useRunTab } from './run-tabs';

export function RunView({ id }: { id: string }) {
  useRunSubscription(id);
  const run = useRun(id);
  const tab = useRunTab();

  if (run.isPending) return <p className="muted">Loading run…</p>;
  if (run.isError && !run.data) return <ApiErrorState error={run.error} onRetry={() => void run.refetch()} what="run" />;

  const data = run.data;
  return (
    <>
      <RunHeader run={data} />
      <section className="card">
        <RunProgress run={data} />
      </section>
      <RunTabs active={tab} />
      {tab === 'layers' ? (
        <LayersPanel run={data} />
      ) : (
        <>
          <RunCharts runId={data.id} />
          <div className="two-col two-col--top">
            <RunConfigTable run={data} />
            <RunMetricsTable run={data} />
          </div>
        </>
      )}
    </>
  );
}
