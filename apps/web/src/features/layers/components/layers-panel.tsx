'use client';

import type { TRun } from '@tensorscope/shared';
import { useMemo, useState } from 'react';
import { useRunTags, useSnapshots } from '../hooks/use-layer-queries';
import { indexLayerTags } from '../lib/layer-tags';
import { hasConvLayer, layerOrder, runNetwork } from '../../network/lib/run-network';
import type { TSnapshotPin } from '../lib/snapshot-follow';
import { ApiErrorState } from '../../../components/api-error-state';
import { DistributionsSection } from './distributions-section';
import { FeatureMapsSection } from './feature-maps-section';
import { FiltersSection } from './filters-section';
import { LayerStatsSection } from './layer-stats-section';

/** The Layers tab: what the run logged about its layers, built from its tag list. */
export function LayersPanel({ run }: { run: TRun }) {
  const tags = useRunTags(run.id);
  const snapshots = useSnapshots(run.id);
  const network = useMemo(() => runNetwork(run), [run]);
  const index = useMemo(() => indexLayerTags(tags.data, layerOrder(network)), [tags.data, network]);
  // The snapshot slider's choice, shared by the filters and the feature maps (null = follow the newest).
  const [pin, setPin] = useState<TSnapshotPin>(null);

  if (tags.isPending) return <p className="muted">Loading layer data…</p>;
  if (tags.isError && !tags.data) return <ApiErrorState error={tags.error} onRetry={() => void tags.refetch()} what="layer data" />;
  if (!index.hasLayerData) {
    // Without statistics the tab is empty unless snapshots exist; wait for that answer before saying so.
    if (snapshots.isPending) return <p className="muted">Loading layer data…</p>;
    if ((snapshots.data?.snapshots.length ?? 0) === 0 && !snapshots.isError) return <LayersEmpty run={run} />;
  }

  return (
    <div data-testid="layers-panel">
      <LayerStatsSection runId={run.id} index={index} />
      <DistributionsSection runId={run.id} index={index} />
      {/* Filter grids and feature maps picture conv kernels and their maps: a recurrent cell has none. */}
      {hasConvLayer(network) ? (
        <>
          <FiltersSection runId={run.id} pin={pin} onPinChange={setPin} />
          <FeatureMapsSection run={run} index={index} pin={pin} />
        </>
      ) : (
        <p className="muted small" data-testid="layers-no-conv">
          Filter grids and feature maps picture convolution kernels; this network has none, so only its statistics and distributions are
          shown.
        </p>
      )}
    </div>
  );
}

/** Says plainly why there is nothing to show, which depends on where the run is. */
function LayersEmpty({ run }: { run: TRun }) {
  let message: string;
  if (run.status === 'queued') {
    message = 'This run has not started yet. Layer statistics, histograms and weight snapshots appear here once it trains.';
  } else if (run.status === 'running') {
    message = `No layer data logged yet. The first statistics arrive after ${run.config.statsInterval.toLocaleString('en-US')} steps, and show up here live.`;
  } else {
    message =
      'This run logged no layer data. Runs trained before layer inspection was added (or that stopped before their first statistics) only have the overview metrics.';
  }
  return (
    <div className="state-box" data-testid="layers-empty">
      <h2>No layer data</h2>
      <p>{message}</p>
    </div>
  );
}
