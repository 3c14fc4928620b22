'use client';

import Link from 'next/link';
import { useRun, useRunDeleted } from '../hooks/use-run-queries';
import { useRunSubscription } from '../../../socket/socket-provider';
import { ApiErrorState } from '../../../components/api-error-state';
import { LayersPanel } from '../../layers/components/layers-panel';
import { RunCharts } from './run-charts';
import { RunConfigTable } from './run-config-table';
import { RunHeader } from './run-header';
import { RunMetricsTable } from './run-metrics-table';
import { RunNotes } from './run-notes';
import { RunLog } from './run-log';
import { RunNetworkCard } from '../../network/components/run-network-card';
import { RunProgress } from '../../../components/run-progress';
import { hasConvLayer, runNetwork } from '../../network/lib/run-network';
import { RUN_TABS, RunTabs, useRunTab, type TRunTab } from './run-tabs';
import { VisualizePanel } from '../../visualize/components/visualize-panel';
import { EvaluatePanel } from '../../evaluate/components/evaluate-panel';

export function RunView({ id }: { id: string }) {
  useRunSubscription(id);
  const deleted = useRunDeleted(id);
  // A deleted run's queries were dropped; refetching them would only answer 404.
  const run = useRun(id, !deleted);
  const wantedTab = useRunTab();

  if (deleted) {
    return (
      <div className="state-box" role="status" data-testid="run-deleted">
        <h2>This run was deleted</h2>
        <p>
          It and everything it logged are gone. <Link href="/">Back to the runs</Link>
        </p>
      </div>
    );
  }
  if (run.isPending) return <p className="muted">Loading run…</p>;
  if (run.isError && !run.data) return <ApiErrorState error={run.error} onRetry={() => void run.refetch()} what="run" />;

  const data = run.data;
  // Zeiler & Fergus visualisations need convolutions: a recurrent run has no Visualize tab (a
  // shared ?tab=visualize link to one lands on the overview).
  const tabs: readonly TRunTab[] = hasConvLayer(runNetwork(data)) ? RUN_TABS : RUN_TABS.filter((t) => t !== 'visualize');
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
      ) : tab === 'evaluate' ? (
        <EvaluatePanel run={data} />
      ) : (
        <>
          <RunNotes run={data} />
          <RunCharts run={data} />
          <div className="two-col two-col--top">
            <RunConfigTable run={data} />
            <RunMetricsTable run={data} />
          </div>
          <RunNetworkCard run={data} />
          <RunLog run={data} />
        </>
      )}
    </>
  );
}
