'use client';

import type { TClassNames, TVisualization, TVisualizationStatus } from '@tensorscope/shared';
import { useState } from 'react';
import { useSnapshotJob } from '../hooks/use-snapshot-job';
import { autoZoom, patchSide, ZOOM_OPTIONS, type TTop9View } from '../lib/top9-layout';
import { FULL_SUBSET, top9Params } from '../lib/visualize-params';
import { ComputeButton } from './compute-button';
import { Top9Grid, type TTop9GridActions } from './top9-grid';
import { Picker } from '../../../components/picker';
import { Segmented, type TSegment } from '../../../components/segmented';
import { JobState } from './job-state';

/** 'auto' fits the patch side; the numbers are fixed zooms. */
const ZOOM_PICKS: readonly ('auto' | number)[] = ['auto', ...ZOOM_OPTIONS];

const VIEWS: TSegment<TTop9View>[] = [
  { value: 'deconv', label: 'Projections' },
  { value: 'patch', label: 'Patches' },
  { value: 'both', label: 'Both' },
];

/** Why an older result is on screen: the newest job for the same params isn't done. */
const EARLIER: Record<TVisualizationStatus, string> = {
  queued: 'shown until the new one is ready',
  running: 'shown until the new one is ready',
  failed: 'the newest computation failed',
  completed: 'newer one without a result',
};

/** The top-9 job of the chosen snapshot, layer and subset: its button, its progress, its grid. */
export function Top9Section({
  runId,
  classes,
  items,
  step,
  layer,
  subset,
  ...actions
}: TTop9GridActions & {
  runId: string;
  classes: TClassNames;
  items: readonly TVisualization[];
  step: number;
  layer: string;
  subset: number;
}) {
  const [view, setView] = useState<TTop9View>('both');
  // null = pick from the patch size (the layers' receptive fields differ a lot).
  const [wantedZoom, setWantedZoom] = useState<number | null>(null);

  const job = useSnapshotJob(runId, items, step, top9Params(layer, subset));
  const { match } = job;
  const shown = match.completed;
  const stored = shown?.result;
  const result = stored?.kind === 'top9' ? stored : undefined;
  const side = result ? patchSide(result) : 8;
  const zoom = wantedZoom ?? autoZoom(side);

  return (
    <section className="card" data-testid="top9-section">
      <div className="section-head">
        <h2>Top-9 activations</h2>
        <ComputeButton job={job} testId="top9-compute" label="Compute top-9" />
      </div>
      <p className="muted small">
        For every feature map of <strong>{layer}</strong>, the 9 test images (of the first {subset.toLocaleString('en-US')}
        {subset >= FULL_SUBSET ? ', all of them' : ''}) with the strongest activation, projected back to pixel space by a deconvnet, and the
        input patches they come from (Zeiler &amp; Fergus, fig. 2). Click an image to analyse it.
      </p>
      <JobState job={job} testId="top9" what="top-9 search" doing="searching the test images…" emptyAt={step} />
      {shown && result && (
        <>
          <div className="top9-toolbar">
            <Segmented options={VIEWS} value={view} onChange={setView} ariaLabel="Show" testId="top9-view" />
            <Picker
              label="Zoom"
              testId="top9-zoom"
              options={ZOOM_PICKS}
              value={wantedZoom ?? 'auto'}
              onChange={(z) => setWantedZoom(z === 'auto' ? null : z)}
              optionLabel={(z) => (z === 'auto' ? `auto (×${autoZoom(side)})` : `×${z}`)}
            />
            <span className="muted small">
              {result.featureMaps.length} maps · {result.imagesSearched.toLocaleString('en-US')} images searched in{' '}
              {result.seconds.toFixed(1)} s · patches up to {side}×{side} px
              {match.latest && match.latest !== shown ? ` · an earlier result (${EARLIER[match.latest.status]})` : ''}
            </span>
          </div>
          <Top9Grid vizId={shown.id} result={result} classes={classes} view={view} cellSize={side * zoom} {...actions} />
        </>
      )}
    </section>
  );
}
