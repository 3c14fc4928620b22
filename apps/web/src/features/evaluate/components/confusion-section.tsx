'use client';

import { useEffect } from 'react';
import { useSnapshotJob } from '../../visualize/hooks/use-snapshot-job';
import { ComputeButton } from '../../visualize/components/compute-button';
import { JobState } from '../../visualize/components/job-state';
import { classLabel } from '../../visualize/lib/class-labels';
import { formatShare, topConfusions } from '../lib/confusion-view';
import { ClassMetricsTable } from './class-metrics-table';
import { ConfusionMatrix } from './confusion-matrix';
import { MistakesGallery } from './mistakes-gallery';
import type { TEvaluateSectionProps } from './section-props';

const EVALUATION = { kind: 'evaluation' } as const;

/**
 * The evaluation job of a snapshot (the whole test split): asked for as soon as the tab shows a
 * snapshot without one (one forward pass: seconds), then its confusion matrix, per-class table
 * and mistakes gallery.
 */
export function ConfusionSection({
  runId,
  items,
  step,
  classes,
  side,
  linkImages,
}: TEvaluateSectionProps & {
  /** The input images' side in pixels. */
  side: number;
  /** Mistakes open in the Visualize tab (CNN runs only have one). */
  linkImages: boolean;
}) {
  const job = useSnapshotJob(runId, items, step, EVALUATION);
  const { match } = job;
  const wanted = !match.latest && !job.asked && job.mayCompute.ok;
  useEffect(() => {
    if (wanted) job.compute();
  });
  const shown = match.completed;
  const result = shown?.result?.kind === 'evaluation' ? shown.result : undefined;

  return (
    <section className="card" data-testid="confusion-section">
      <div className="section-head">
        <h2>Confusion matrix</h2>
        <ComputeButton job={job} testId="evaluation-compute" label="Evaluate" />
      </div>
      <JobState job={job} testId="evaluation" what="evaluation" doing="classifying the test images…" emptyAt={step} />
      {shown && result && (
        <>
          <p className="small" data-testid="evaluation-summary">
            <strong>{formatShare(result.accuracy)}</strong> of {result.imagesEvaluated.toLocaleString('en-US')} test images right ·{' '}
            {result.misclassifiedTotal.toLocaleString('en-US')} wrong
            {topConfusions(result.matrix, 3).length > 0 && (
              <span className="muted">
                {' '}
                · mixed up most:{' '}
                {topConfusions(result.matrix, 3)
                  .map((c) => `${classLabel(classes, c.label)} → ${classLabel(classes, c.predicted)} (${c.count})`)
                  .join(', ')}
              </span>
            )}
            <span className="muted"> · {result.seconds.toFixed(1)} s</span>
          </p>
          <div className="evaluate-tables">
            <ConfusionMatrix matrix={result.matrix} classes={classes} />
            <ClassMetricsTable perClass={result.perClass} classes={classes} />
          </div>
          <MistakesGallery viz={shown} result={result} classes={classes} runId={runId} side={side} linkImages={linkImages} />
        </>
      )}
    </section>
  );
}
