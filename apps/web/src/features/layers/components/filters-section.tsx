'use client';

import type { TFilterGridQuery, TSnapshotInfo } from '@tensorscope/shared';
import { useState } from 'react';
import { useSnapshots } from '../hooks/use-layer-queries';
import { filterGridUrl } from '../lib/layers.api';
import { FILTER_VIEW_ZOOMS, filterAtRow, filterZoom, type TFilterViewZoom } from '../lib/filter-zoom';
import { formatTimestamp } from '../../../lib/format';
import { pinForIndex, selectedSnapshotIndex, type TSnapshotPin } from '../lib/snapshot-follow';
import { ApiErrorState } from '../../../components/api-error-state';
import { Picker } from '../../../components/picker';
import { CardSection } from '../../../components/card-section';

type TScale = TFilterGridQuery['scale'];
const SCALES: readonly TScale[] = ['per-filter', 'shared'];
const SCALE_LABELS: Record<TScale, string> = { 'per-filter': 'per filter', shared: 'shared' };

/** Conv layers of a snapshot: those with a 4-d kernel ([height, width, in, out]). */
const convLayers = (snapshot: TSnapshotInfo | undefined) =>
  (snapshot?.tensors ?? []).filter((t) => t.param === 'kernel' && t.shape.length === 4);

/**
 * The learned conv filters of a stored weight snapshot, with a slider through training. The
 * slider's choice (`pin`) belongs to the Layers panel: the feature maps below show the same snapshot.
 */
export function FiltersSection({
  runId,
  pin,
  onPinChange,
}: {
  runId: string;
  pin: TSnapshotPin;
  onPinChange: (pin: TSnapshotPin) => void;
}) {
  const snapshots = useSnapshots(runId);
  const [wantedLayer, setWantedLayer] = useState<string | null>(null);
  const [scale, setScale] = useState<TScale>('per-filter');
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null);
  /** One output filter to read on its own ('all': the whole layer). */
  const [wantedFilter, setWantedFilter] = useState<number | 'all'>('all');
  const [viewZoom, setViewZoom] = useState<TFilterViewZoom>('fit');
  /** The loaded PNG's own size, for the 1×/2×/4× views. */
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);

  const list = snapshots.data?.snapshots ?? [];
  const steps = list.map((s) => s.step);
  const index = selectedSnapshotIndex(steps, pin);
  const snapshot = list[index];
  const layers = convLayers(snapshot);
  const tensor = layers.find((t) => t.layer === wantedLayer) ?? layers[0];
  const filterCount = tensor?.shape[3] ?? 0;
  const filter = wantedFilter !== 'all' && wantedFilter < filterCount ? wantedFilter : undefined;
  const url =
    snapshot && tensor
      ? filterGridUrl(runId, snapshot.step, tensor.layer, { scale, zoom: filterZoom(tensor.shape, filter !== undefined), filter })
      : null;
  const deep = tensor !== undefined && tensor.shape[2] !== 1 && tensor.shape[2] !== 3;
  const filterOptions: readonly (number | 'all')[] = ['all', ...Array.from({ length: filterCount }, (_, f) => f)];

  const pickers = snapshot && (
    <>
      <Picker
        label="Layer"
        testId="filter-layer"
        options={layers.map((t) => t.layer)}
        value={tensor?.layer ?? ''}
        onChange={setWantedLayer}
      />
      <Picker label="Scale" testId="filter-scale" options={SCALES} value={scale} optionLabel={(s) => SCALE_LABELS[s]} onChange={setScale} />
      <Picker
        label="Filter"
        testId="filter-one"
        options={filterOptions}
        value={filter ?? 'all'}
        optionLabel={(f) => (f === 'all' ? 'all' : `#${f}`)}
        onChange={setWantedFilter}
      />
      <Picker
        label="Zoom"
        testId="filter-zoom"
        options={FILTER_VIEW_ZOOMS}
        value={viewZoom}
        optionLabel={(z) => (z === 'fit' ? 'fit' : `${z}×`)}
        onChange={setViewZoom}
      />
    </>
  );

  return (
    <CardSection title="Filters" testId="layer-filters" pickers={pickers}>
      {snapshots.isPending && <p className="muted">Loading snapshots…</p>}
      {snapshots.isError && !snapshots.data && (
        <ApiErrorState error={snapshots.error} onRetry={() => void snapshots.refetch()} what="snapshots" />
      )}
      {snapshots.data && list.length === 0 && (
        <p className="muted" data-testid="filters-empty">
          No weight snapshots stored yet.
        </p>
      )}
      {snapshot && (
        <>
          <div className="snapshot-slider">
            <input
              type="range"
              data-testid="snapshot-slider"
              aria-label="Snapshot"
              min={0}
              max={list.length - 1}
              step={1}
              value={index}
              disabled={list.length < 2}
              onChange={(e) => onPinChange(pinForIndex(steps, Number(e.target.value)))}
            />
            <span className="snapshot-label" data-testid="snapshot-step">
              step <strong>{snapshot.step.toLocaleString('en-US')}</strong>
              <span className="muted">
                {' '}
                · {index + 1} of {list.length}
                {pin === null && list.length > 1 ? ' · following newest' : ''}
              </span>
            </span>
          </div>
          {tensor ? (
            <figure className="filter-figure">
              {url && failedUrl !== url ? (
                // A plain <img>, kept mounted: the PNG is immutable per URL (the browser caches
                // it), and while the next one loads the browser keeps showing the previous one,
                // so dragging the slider doesn't flash an empty box.
                <div className={`filter-scroll${viewZoom === 'fit' ? '' : ' filter-scroll--zoomed'}`}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- the API serves this PNG only with the viewer's session cookie, which next/image's server-side optimiser lacks; it would also resample exact pixels */}
                  <img
                    className={`filter-grid${deep && filter === undefined ? ' filter-grid--pick' : ''}`}
                    data-testid="filter-grid"
                    data-loaded={loadedUrl === url}
                    data-filter={filter ?? 'all'}
                    src={url}
                    alt={`${tensor.layer} ${filter === undefined ? 'filters' : `filter ${filter}`} at step ${snapshot.step}`}
                    title={deep && filter === undefined ? 'Click a row to see that filter on its own' : undefined}
                    style={viewZoom !== 'fit' && natural ? { width: natural.width * viewZoom, maxWidth: 'none' } : undefined}
                    onLoad={(e) => {
                      setLoadedUrl(url);
                      setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight });
                    }}
                    onError={() => setFailedUrl(url)}
                    onClick={(e) => {
                      // A deep layer's grid has one row per output filter: a click opens that filter alone.
                      if (!deep || filter !== undefined) return;
                      const box = e.currentTarget.getBoundingClientRect();
                      const picked = filterAtRow(e.clientY - box.top, box.height, filterCount);
                      if (picked !== null) setWantedFilter(picked);
                    }}
                  />
                </div>
              ) : (
                <p className="muted" role="alert">
                  Could not load the filter image.
                </p>
              )}
              <figcaption className="muted small">
                {url && loadedUrl !== url && failedUrl !== url && <strong>Loading… </strong>}
                {filter === undefined
                  ? describeLayout(tensor.layer, tensor.shape)
                  : `${tensor.layer} filter #${filter}: one tile per input channel (${tensor.shape[2]})`}{' '}
                · kernel shape [{tensor.shape.join(', ')}] · snapshot of {formatTimestamp(snapshot.createdAt)}
              </figcaption>
            </figure>
          ) : (
            <p className="muted">This snapshot has no convolution kernels.</p>
          )}
        </>
      )}
    </CardSection>
  );
}

/** What the tiles mean: the API lays out a first conv layer per filter, deeper ones per (filter, input channel). */
function describeLayout(layer: string, shape: number[]): string {
  const [h, w, inputs, outputs] = shape;
  // 1 or 3 input channels means the layer sees the image itself (gray28 or rgb32 CIFAR).
  if (inputs === 1 || inputs === 3) {
    const colour = inputs === 3 ? 'RGB' : 'grayscale';
    return `${outputs} filters of ${h}×${w}, one ${colour} tile each`;
  }
  return `${layer}: one row per output filter (${outputs}), one column per input channel (${inputs})`;
}
