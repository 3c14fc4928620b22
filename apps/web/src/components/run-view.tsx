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
import { hasConvLayers } from '../lib/model-fields';
import { RUN_TABS, RunTabs, useRunTab, type TRunTab } from './run-tabs';
import { VisualizePanel } from './visualize-panel';

export function RunView({ id }: { id: string }) {
  useRunSubscription(id);
  const run = useRun(id);
  const wantedTab = useRunTab();

  if (run.isPending) return <p className="muted">Loading run…</p>;
  if (run.isError && !run.data) return <ApiErrorState error={run.error} onRetry={() => void run.refetch()} what="run" />;

  const data = run.data;
  // Zeiler & Fergus visualisations need convolutions: a recurrent run has no Visualize tab (a
  // shared ?tab=visualize link to one lands on the overview).
  const tabs: readonly TRunTab[] = hasConvLayers(data.model) ? RUN_TABS : RUN_TABS.filter((t) => t !== 'visualize');
  const tab = tabs.includes(wantedTab) ? wantedTab : 'overview';
  return (
    <>
      <RunHeader run={data} />
      <section className="card">
        <RunProgress run={data} />
      </section>
      <RunTabs active={tab} tabs={tabs} />
      {tab === 'layers' ? (
        <LayersPanel run={data} />
      ) : tab === 'visualize' ? (
        <VisualizePanel run={data} />
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
