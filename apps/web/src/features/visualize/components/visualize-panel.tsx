'use client';

import type { TRun, TTopActivation } from '@tensorscope/shared';
import { datasetOf } from '@tensorscope/shared';
import { useState } from 'react';
import { useSnapshots } from '../../layers/hooks/use-layer-queries';
import { useSignedInUser } from '../../../hooks/use-me';
import { useCreateVisualization, useVisualizations } from '../hooks/use-visualizations';
import { inputSide } from '../../layers/lib/feature-maps';
import { canLaunch } from '../../../lib/permissions';
import { pinForIndex, selectedSnapshotIndex, type TSnapshotPin } from '../../layers/lib/snapshot-follow';
import { findVisualization } from '../lib/visualization-match';
import { convLayerNames, featureMapCount, FULL_SUBSET, imageParams, SUBSET_OPTIONS } from '../lib/visualize-params';
import { ApiErrorState } from '../../../components/api-error-state';
import { Picker } from '../../../components/picker';
import { ImageIndexForm } from './image-index-form';
import { ImagePanel, type TImageSelection } from './image-panel';
import { Top9EvolutionSection } from './top9-evolution-section';
import { Top9Section } from './top9-section';

/** Image-panel pictures are the input's size (28 or 32 px) times this. */
const PANEL_ZOOM = 4;

/** The sections below a long top-9 grid are out of sight when a cell or caption is clicked: bring them in. */
const reveal = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' }));

/**
 * The Visualize tab (CNN runs): Zeiler & Fergus's figures for a weight snapshot, computed by
 * the workers as jobs and cached by the API. The snapshot, layer and subset chosen here drive
 * the top-9 grid, the image panel and the comparison across snapshots.
 */
export function VisualizePanel({ run }: { run: TRun }) {
  const snapshots = useSnapshots(run.id);
  const { list, items } = useVisualizations(run.id);
  const createImage = useCreateVisualization(run.id);
  // Viewers see what was computed; asking for more takes a launcher.
  const mayCompute = canLaunch(useSignedInUser(), 'visualizations');
  // null = the newest snapshot, following new ones while the run trains (as the Layers slider does).
  const [pin, setPin] = useState<TSnapshotPin>(null);
  const [wantedLayer, setWantedLayer] = useState<string | null>(null);
  const [subset, setSubset] = useState<number>(FULL_SUBSET);
  const [selection, setSelection] = useState<TImageSelection | null>(null);
  const [trackedMap, setTrackedMap] = useState(0);

  const dataset = datasetOf(run.config);
  const variant = run.config.model === 'lenet5' ? run.config.variant : undefined;
  const snapshotList = snapshots.data?.snapshots ?? [];
  const steps = snapshotList.map((s) => s.step);
  const index = selectedSnapshotIndex(steps, pin);
  const snapshot = snapshotList[index];
  const layers = convLayerNames(snapshot?.tensors);
  const layer = layers.find((l) => l === wantedLayer) ?? layers[0];
  const mapCount = layer ? featureMapCount(snapshot?.tensors, layer) : undefined;
  // conv2 has more maps than conv1: a tracked map past the layer's last one falls back to it.
  const evolutionMap = mapCount !== undefined ? Math.min(trackedMap, mapCount - 1) : trackedMap;

  /** Opens the image panel, asking for the job unless the list already has one (cached, running or failed). */
  const openImage = (next: TImageSelection) => {
    setSelection(next);
    createImage.reset();
    const params = imageParams(next.layer, next.image, next.featureMap);
    if (mayCompute.ok && !findVisualization(items, next.step, params).latest) createImage.mutate({ ...params, step: next.step });
  };
  const computeImage = (recompute: boolean) => {
    if (!selection || !mayCompute.ok) return;
    createImage.reset();
    createImage.mutate({ ...imageParams(selection.layer, selection.image, selection.featureMap), step: selection.step, recompute });
  };

  if (snapshots.isPending || list.isPending) return <p className="muted">Loading visualizations…</p>;
  if (snapshots.isError && !snapshots.data) {
    return <ApiErrorState error={snapshots.error} onRetry={() => void snapshots.refetch()} what="snapshots" />;
  }
  if (list.isError && !list.data) return <ApiErrorState error={list.error} onRetry={() => void list.refetch()} what="visualizations" />;
  if (!snapshot) {
    return (
      <div className="state-box" data-testid="visualize-empty">
        <h2>No weight snapshots yet</h2>
        <p>
          Visualizations are computed from a stored weight snapshot.{' '}
          {run.status === 'queued' || run.status === 'running'
            ? 'The first one is stored during training and shows up here live.'
            : 'This run stored none.'}
        </p>
      </div>
    );
  }

  return (
    <div data-testid="visualize-panel">
      <section className="card visualize-controls">
        <Picker
          label="Snapshot"
          testId="visualize-snapshot"
          options={snapshotList.map((_, i) => i)}
          value={index}
          onChange={(i) => setPin(pinForIndex(steps, i))}
          optionLabel={(i) =>
            `step ${steps[i]!.toLocaleString('en-US')}${i === snapshotList.length - 1 ? (run.status === 'running' ? ' (newest)' : ' (final)') : ''}`
          }
        />
        <Picker label="Layer" testId="visualize-layer" options={layers} value={layer ?? ''} onChange={setWantedLayer} />
        <Picker
          label="Images searched"
          testId="visualize-subset"
          options={SUBSET_OPTIONS}
          value={subset}
          onChange={setSubset}
          optionLabel={(n) => (n === FULL_SUBSET ? `all ${n.toLocaleString('en-US')}` : `first ${n.toLocaleString('en-US')}`)}
        />
        <span className="muted small">
          {index + 1} of {snapshotList.length} snapshots{pin === null && run.status === 'running' ? ' · following newest' : ''}
        </span>
      </section>

      {!layer ? (
        <p className="muted" data-testid="visualize-no-conv">
          This snapshot has no convolution layers to visualize.
        </p>
      ) : (
        <>
          <Top9Section
            runId={run.id}
            dataset={dataset}
            items={items}
            step={snapshot.step}
            layer={layer}
            subset={subset}
            selected={selection && selection.step === snapshot.step && selection.layer === layer ? selection : null}
            onOpen={(featureMap: number, top: TTopActivation) => {
              openImage({ step: snapshot.step, layer, image: top.image, featureMap });
              reveal('visualize-image-section');
            }}
            onTrack={(featureMap: number) => {
              setTrackedMap(featureMap);
              reveal('visualize-evolution-section');
            }}
          />
          <section className="card" id="visualize-image-section" data-testid="image-section">
            <div className="section-head">
              <h2>One image</h2>
              <ImageIndexForm
                mapCount={mapCount}
                disabled={createImage.isPending}
                onAnalyse={(image, featureMap) => openImage({ step: snapshot.step, layer, image, featureMap })}
              />
            </div>
            {selection ? (
              <ImagePanel
                selection={selection}
                items={items}
                dataset={dataset}
                panelSize={inputSide(variant) * PANEL_ZOOM}
                createError={createImage.error}
                creating={createImage.isPending}
                mayCompute={mayCompute}
                onCompute={computeImage}
              />
            ) : (
              <p className="muted">
                Click a top-9 image, or enter a test image index: its occlusion maps, saliency, guided backprop and Grad-CAM for {layer} at
                step {snapshot.step.toLocaleString('en-US')}.
              </p>
            )}
          </section>
          <Top9EvolutionSection
            runId={run.id}
            items={items}
            steps={steps}
            layer={layer}
            subset={subset}
            mapCount={mapCount}
            featureMap={evolutionMap}
            onFeatureMap={setTrackedMap}
          />
        </>
      )}
    </div>
  );
}
