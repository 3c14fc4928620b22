'use client';

import { EMBEDDING_MAX_IMAGES, type TEmbeddingMethod } from '@tensorscope/shared';
import { useState } from 'react';
import { Segmented, type TSegment } from '../../../components/segmented';
import { useSnapshotJob } from '../../visualize/hooks/use-snapshot-job';
import { ComputeButton } from '../../visualize/components/compute-button';
import { ClassLegend } from '../../visualize/components/class-legend';
import { JobState } from '../../visualize/components/job-state';
import { formatShare } from '../lib/confusion-view';
import type { TEvaluateSectionProps } from './section-props';
import { EmbeddingScatter } from './embedding-scatter';

const METHODS: TSegment<TEmbeddingMethod>[] = [
  { value: 'pca', label: 'PCA', title: 'Linear: distances and variance shares mean something' },
  { value: 'umap', label: 'UMAP', title: 'Non-linear: neighbourhoods and clusters, not distances between them' },
];

/** The embedding job of a snapshot (asked for with its button): the first 2,000 test images on two principal components. */
export function EmbeddingSection({ runId, items, step, classes }: TEvaluateSectionProps) {
  const [method, setMethod] = useState<TEmbeddingMethod>('pca');
  const job = useSnapshotJob(runId, items, step, { kind: 'embedding', method });
  const { match } = job;
  const result = match.completed?.result?.kind === 'embedding' ? match.completed.result : undefined;
  return (
    <section className="card" data-testid="embedding-section">
      <div className="section-head">
        <h2>Embedding</h2>
        <span className="cancel">
          <Segmented options={METHODS} value={method} onChange={setMethod} ariaLabel="Method" testId="embedding-method" />
          <ComputeButton job={job} testId="embedding-compute" label="Compute embedding" />
        </span>
      </div>
      <p className="muted small">
        What the layer feeding the classifier makes of the first {EMBEDDING_MAX_IMAGES.toLocaleString('en-US')} test images, projected on
        its first two principal components (PCA), coloured by true class: classes the model tells apart form separate clouds. A point with a
        ring is classified wrong.
      </p>
      <JobState job={job} testId="embedding" what="embedding" doing="projecting the test images…" />
      {result && (
        <>
          <p className="small muted" data-testid="embedding-summary">
            {result.layer} ({result.dimensions} units) ·{' '}
            {result.explainedVariance
              ? `PC 1 explains ${formatShare(result.explainedVariance[0])}, PC 2 ${formatShare(result.explainedVariance[1])} of the variance`
              : 'UMAP'}{' '}
            · {result.x.length.toLocaleString('en-US')} images · {result.seconds.toFixed(1)} s
          </p>
          <EmbeddingScatter result={result} classes={classes} />
          <ClassLegend classes={classes} labels={result.labels} />
        </>
      )}
    </section>
  );
}
