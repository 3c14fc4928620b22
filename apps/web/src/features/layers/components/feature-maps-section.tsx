'use client';

import type { TRun } from '@tensorscope/shared';
import { classNamesOf, ZApiError } from '@tensorscope/shared';
import { useEffect, useMemo, useState } from 'react';
import { useLayerProbe, useSnapshots } from '../hooks/use-layer-queries';
import { activationMapsUrl } from '../lib/layers.api';
import {
  describeShape,
  featureMapLayers,
  featureMapShapes,
  featureMapZoom,
  isStrip,
  MAX_IMAGE_INDEX,
  parseImageIndex,
  stepImageIndex,
  unitBars,
} from '../lib/feature-maps';
import { classCount, classLabel } from '../../visualize/lib/class-labels';
import { LabelledBars } from '../../../components/labelled-bars';
import { formatMetric } from '../../../lib/format';
import type { TLayerIndex } from '../lib/layer-tags';
import { selectedSnapshotIndex, type TSnapshotPin } from '../lib/snapshot-follow';
import { Picker } from '../../../components/picker';
import { CardSection } from '../../../components/card-section';
import { runNetwork } from '../../network/lib/run-network';

/** Typing pauses this long before a new image is requested (the buttons don't wait). */
const TYPING_DELAY_MS = 300;

/**
 * What one layer of the snapshot chosen on the filters' slider computes for one CIFAR-10 test
 * image: one gray tile per channel (conv, pool) or a strip of units (dense), drawn by the API.
 */
export function FeatureMapsSection({ run, index, pin }: { run: TRun; index: TLayerIndex; pin: TSnapshotPin }) {
  const snapshots = useSnapshots(run.id);
  const network = useMemo(() => runNetwork(run), [run]);
  const [wantedLayer, setWantedLayer] = useState<string | null>(null);
  const [text, setText] = useState('0');
  const [image, setImage] = useState(0);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null);

  const list = snapshots.data?.snapshots ?? [];
  const snapshot =
    list[
      selectedSnapshotIndex(
        list.map((s) => s.step),
        pin,
      )
    ];
  const tensors = snapshot?.tensors;
  const activationLayers = index.activationLayers;
  const layers = useMemo(
    () =>
      featureMapLayers(
        activationLayers.map((l) => l.layer),
        tensors ?? [],
        network,
      ),
    [activationLayers, tensors, network],
  );
  const shapes = useMemo(() => featureMapShapes(network), [network]);
  const layer = layers.find((l) => l === wantedLayer) ?? layers[0];
  const shape = layer ? shapes.get(layer) : undefined;
  const zoom = layer ? featureMapZoom(layer, shape) : 1;
  const url = snapshot && layer ? activationMapsUrl(run.id, snapshot.step, layer, { image, zoom }) : null;

  const parsed = parseImageIndex(text);
  const current = parsed.ok ? parsed.index : image;
  // A valid typed index is requested once typing pauses.
  const typed = parsed.ok ? parsed.index : null;
  useEffect(() => {
    if (typed === null) return;
    const timer = setTimeout(() => setImage(typed), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const go = (delta: number) => {
    const next = stepImageIndex(current, delta);
    setText(String(next));
    setImage(next);
  };

  const strip = layer ? isStrip(layer, shape) : false;
  const failed = url !== null && failedUrl === url;
  const classes = classNamesOf(run.config);
  const probe = useLayerProbe(run.id, snapshot?.step, layer, image);
  // The last layer's units are the classes: its bars are named after them.
  const isOutput = layer !== undefined && layer === layers.at(-1);
  const classNames = isOutput ? Array.from({ length: classCount(classes) }, (_, k) => classLabel(classes, k)) : null;
  const bars = unitBars(probe.data?.values ?? null, classNames);

  const pickers = snapshot && layers.length > 0 && (
    <>
      <Picker label="Layer" testId="feature-layer" options={layers} value={layer ?? ''} onChange={setWantedLayer} />
      <div className="filter">
        <label htmlFor={`feature-image-${run.id}`}>Test image</label>
        <button
          type="button"
          className="button"
          data-testid="feature-image-prev"
          aria-label="Previous test image"
          disabled={current <= 0}
          onClick={() => go(-1)}
        >
          ‹
        </button>
        <input
          id={`feature-image-${run.id}`}
          className="feature-image-input"
          data-testid="feature-image"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : `feature-image-error-${run.id}`}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid="feature-image-next"
          aria-label="Next test image"
          disabled={current >= MAX_IMAGE_INDEX}
          onClick={() => go(1)}
        >
          ›
        </button>
      </div>
    </>
  );

  return (
    <CardSection title="Feature maps" testId="feature-maps" pickers={pickers}>
      {!parsed.ok && (
        <p className="field-error" role="alert" id={`feature-image-error-${run.id}`} data-testid="feature-image-error">
          {parsed.message}
        </p>
      )}
      {snapshots.isPending && <p className="muted">Loading snapshots…</p>}
      {snapshots.data && !snapshot && (
        <p className="muted" data-testid="feature-maps-empty">
          Feature maps are computed from a stored weight snapshot; this run has none yet.
        </p>
      )}
      {snapshot && layers.length === 0 && (
        <p className="muted" data-testid="feature-maps-empty">
          This snapshot has no layers to show.
        </p>
      )}
      {snapshot && layer && url && (
        <div className="feature-maps-row">
          <figure className="feature-input" data-testid="feature-input">
            {probe.data ? (
              // eslint-disable-next-line @next/next/no-img-element -- a data URL of a 28×28 or 32×32 PNG: nothing to optimise
              <img className="feature-input-img" src={probe.data.input} alt={`Test image #${image}`} />
            ) : (
              <div className="feature-input-img feature-input-img--empty" />
            )}
            <figcaption className="small">
              #{image.toLocaleString('en-US')}
              <br />
              <span className="muted">label </span>
              <strong data-testid="feature-input-label">{probe.data ? classLabel(classes, probe.data.label) : '…'}</strong>
            </figcaption>
          </figure>
          {bars ? (
            <figure className="filter-figure feature-bars">
              <LabelledBars bars={bars} format={formatMetric} ariaLabel={`${layer} outputs`} testId="feature-bars" />
              <figcaption className="muted small" data-testid="feature-maps-caption">
                <strong>{layer}</strong> · test image #{image.toLocaleString('en-US')} · step {snapshot.step.toLocaleString('en-US')} ·{' '}
                {isOutput ? 'one bar per class (the logits before softmax); bold: the largest' : 'one bar per unit; bold: the largest'}
              </figcaption>
            </figure>
          ) : (
            <figure className="filter-figure">
              {!failed ? (
                // A plain <img>, kept mounted: the PNG is immutable per URL, and while the next one
                // loads the browser keeps showing the previous one (no flash while stepping images).
                // eslint-disable-next-line @next/next/no-img-element -- the API serves this PNG only with the viewer's session cookie, which next/image's server-side optimiser lacks; it would also resample exact pixels
                <img
                  className={strip ? 'feature-maps-img feature-maps-img--strip' : 'feature-maps-img'}
                  data-testid="feature-maps-img"
                  data-loaded={loadedUrl === url}
                  data-zoom={zoom}
                  src={url}
                  alt={`${layer} feature maps of test image ${image} at step ${snapshot.step}`}
                  onLoad={() => setLoadedUrl(url)}
                  onError={() => setFailedUrl(url)}
                />
              ) : (
                <FeatureMapsError url={url} onRetry={() => setFailedUrl(null)} />
              )}
              <figcaption className="muted small" data-testid="feature-maps-caption">
                {loadedUrl !== url && !failed && <strong>Loading… </strong>}
                <strong>{layer}</strong> · test image #{image.toLocaleString('en-US')} · step {snapshot.step.toLocaleString('en-US')}
                {describeShape(shape) ? ` · ${describeShape(shape)}` : ''}
                {strip ? ' · one column per unit' : ' · one tile per channel, each scaled to its own range'}
              </figcaption>
            </figure>
          )}
        </div>
      )}
    </CardSection>
  );
}

/**
 * An <img> can't say why it failed, so ask the API once more for its `{code, message}`
 * (a bad index or zoom is a 400, an unknown layer or snapshot a 404).
 */
function FeatureMapsError({ url, onRetry }: { url: string; onRetry: () => void }) {
  const [detail, setDetail] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setDetail(null);
    fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (response.ok) return;
        const body: unknown = await response.json().catch(() => undefined);
        const parsed = ZApiError.safeParse(body);
        setDetail(parsed.success ? parsed.data.message : `${response.status} ${response.statusText}`.trim());
      })
      .catch(() => {
        if (!controller.signal.aborted) setDetail('The API could not be reached.');
      });
    return () => controller.abort();
  }, [url]);
  return (
    <div className="state-box state-box--error" role="alert" data-testid="feature-maps-error">
      <p>
        Could not load the feature maps.
        {detail && <> {detail}</>}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
