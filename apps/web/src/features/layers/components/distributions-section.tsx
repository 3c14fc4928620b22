'use client';

import type { THistogram } from '@tensorscope/shared';
import { useState } from 'react';
import { useHistogramSeries } from '../hooks/use-layer-queries';
import { histogramLabel, type THistogramSource, type TLayerIndex } from '../lib/layer-tags';
import { ApiErrorState } from '../../../components/api-error-state';
import { DistributionChart } from './distribution-chart';
import { HistogramRidgeline } from './histogram-ridgeline';

const EMPTY: readonly THistogram[] = [];
const SOURCE_TITLES: Record<THistogramSource, string> = {
  weights: 'Weights',
  gradients: 'Gradients',
  activations: 'Activations',
};

/** One histogram tag, seen two ways: percentile bands over steps, and the histograms themselves. */
export function DistributionsSection({ runId, index }: { runId: string; index: TLayerIndex }) {
  const [wanted, setWanted] = useState<string | null>(null);
  const { histograms } = index;
  // The user's pick while the run has it, else the first weights tag (conv1 kernel).
  const tag = histograms.find((h) => h.tag === wanted)?.tag ?? histograms[0]?.tag ?? null;
  const series = useHistogramSeries(runId, tag);
  const points = series.data?.points ?? EMPTY;
  const sources = (['weights', 'gradients', 'activations'] as const).filter((k) => histograms.some((h) => h.kind === k));

  return (
    <section className="card" data-testid="layer-distributions">
      <div className="section-head">
        <h2>Distributions &amp; histograms</h2>
        {tag && (
          <label className="filter">
            <span>Tensor</span>
            <select data-testid="histogram-tag" value={tag} onChange={(event) => setWanted(event.target.value)}>
              {sources.map((kind) => (
                <optgroup key={kind} label={SOURCE_TITLES[kind]}>
                  {histograms
                    .filter((h) => h.kind === kind)
                    .map((h) => (
                      <option key={h.tag} value={h.tag}>
                        {SOURCE_TITLES[kind].toLowerCase()} · {histogramLabel(h)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
      </div>
      {!tag ? (
        <p className="muted">No histograms logged yet.</p>
      ) : (
        <>
          {series.isError && !series.data && <ApiErrorState error={series.error} onRetry={() => void series.refetch()} what="histograms" />}
          <div className="two-col">
            <div>
              <h3 className="stat-group-title">Distribution over steps</h3>
              <p className="muted small caption">Bands: min–max, 7–93 %, 16–84 %, 31–69 %; line: median.</p>
              <DistributionChart histograms={points} loading={series.isPending} />
            </div>
            <div>
              <h3 className="stat-group-title">Histograms over steps</h3>
              <p className="muted small caption">One curve per step, newest in front (bottom); hover to read a step.</p>
              <HistogramRidgeline histograms={points} loading={series.isPending} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
