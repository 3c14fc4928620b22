'use client';

import type { TRun, TTopActivation } from '@tensorscope/shared';
import { classNamesOf } from '@tensorscope/shared';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useCreateVisualization, useVisualizations } from '../hooks/use-visualizations';
import { inputSide } from '../../layers/lib/feature-maps';
import { canLaunch } from '../../../lib/permissions';
import { useSnapshotChoice } from '../hooks/use-snapshot-choice';
import { findVisualization } from '../lib/visualization-match';
import { convLayerNames, featureMapCount, FULL_SUBSET, imageParams, SUBSET_OPTIONS } from '../lib/visualize-params';
import { Picker } from '../../../components/picker';
import { snapshotJobsGate, SnapshotPicker } from './snapshot-jobs-gate';
import { ImageIndexForm } from './image-index-form';
import { ImagePanel, type TImageSelection } from './image-panel';
import { Top9EvolutionSection } from './top9-evolution-section';
import { Top9Section } from './top9-section';

/** `?image=&step=` of a link into the tab, when both are whole numbers. */
function linkedImage(image: string | null, step: string | null): { image: number; step: number; key: string } | null {
  if (image === null || step === null || !/^\d+$/.test(image) || !/^\d+$/.test(step)) return null;
  return { image: Number(image), step: Number(step), key: `${step}|${image}` };
}

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
  const choice = useSnapshotChoice(run.id);
  const { list, items } = useVisualizations(run.id);
  const createImage = useCreateVisualization(run.id);
  // Viewers see what was computed; asking for more takes a launcher.
  const mayCompute = canLaunch(useSignedInUser(), 'visualizations');
  const [wantedLayer, setWantedLayer] = useState<string | null>(null);
  const [subset, setSubset] = useState<number>(FULL_SUBSET);
  const [selection, setSelection] = useState<TImageSelection | null>(null);
  const [trackedMap, setTrackedMap] = useState(0);

  const classes = classNamesOf(run.config);
  const { steps, snapshot } = choice;
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

  // A link from elsewhere (the Evaluate tab's mistakes) names a test image and snapshot:
  // open that image once, at that snapshot, as if it had been entered here.
  const search = useSearchParams();
  const linked = linkedImage(search.get('image'), search.get('step'));
  const openedLink = useRef<string | null>(null);
  const linkStep = linked && steps.includes(linked.step) ? linked.step : undefined;
  useEffect(() => {
    if (!linked || linkStep === undefined || !layer || list.isPending || openedLink.current === linked.key) return;
    openedLink.current = linked.key;
    choice.pinStep(linkStep);
    openImage({ step: linkStep, layer, image: linked.image, featureMap: undefined });
    reveal('visualize-image-section');
  });

  const gate = snapshotJobsGate({ run, choice, list, testId: 'visualize-empty', what: 'Visualizations' });
  if (gate || !snapshot) return gate;

  return (
    <div data-testid="visualize-panel">
      <section className="card visualize-controls">
        <SnapshotPicker run={run} choice={choice} testId="visualize-snapshot" />
        <Picker label="Layer" testId="visualize-layer" options={layers} value={layer ?? ''} onChange={setWantedLayer} />
        <Picker
          label="Images searched"
          testId="visualize-subset"
          options={SUBSET_OPTIONS}
          value={subset}
          onChange={setSubset}
          optionLabel={(n) => (n === FULL_SUBSET ? `all ${n.toLocaleString('en-US')}` : `first ${n.toLocaleString('en-US')}`)}
        />
      </section>

      {!layer ? (
        <p className="muted" data-testid="visualize-no-conv">
          This snapshot has no convolution layers to visualize.
        </p>
      ) : (
        <>
          <Top9Section
            runId={run.id}
            classes={classes}
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
                classes={classes}
                panelSize={inputSide(run.config) * PANEL_ZOOM}
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
