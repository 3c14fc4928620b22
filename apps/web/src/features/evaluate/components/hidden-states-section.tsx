'use client';

import type { TClassNames, THiddenStatesResult } from '@tensorscope/shared';
import { useEffect, useState } from 'react';
import { ImageIndexForm } from '../../visualize/components/image-index-form';
import { PixelImage } from '../../visualize/components/pixel-image';
import { ComputeButton } from '../../visualize/components/compute-button';
import { JobState } from '../../visualize/components/job-state';
import { useSnapshotJob } from '../../visualize/hooks/use-snapshot-job';
import { classLabel } from '../../visualize/lib/class-labels';
import { visualizationImageUrl } from '../../visualize/lib/visualize.api';
import { heatmapWidth, rangeText, seriesTitle, viewsByLayer } from '../lib/state-views';
import { formatShare } from '../lib/confusion-view';
import type { TEvaluateSectionProps } from './section-props';

/** Every picture is the image's 28 rows tall, this many px per row, so step t sits beside row t. */
const ROW_PX = 6;

/**
 * Recurrent runs: one test image read row by row. Each layer's hidden state (and gates) at each
 * of the 28 steps as heat-maps beside the digit, and what the classifier would answer after
 * each row.
 */
export function HiddenStatesSection({ runId, items, step, classes }: TEvaluateSectionProps) {
  const [image, setImage] = useState(0);
  // Set by the form: the chosen image is computed at once unless it is there already.
  const [armed, setArmed] = useState(false);
  const job = useSnapshotJob(runId, items, step, { kind: 'hidden-states', image });
  const wanted = armed && !job.match.latest && !job.asked && job.mayCompute.ok;
  useEffect(() => {
    if (wanted) job.compute();
  });
  const result = job.match.completed?.result?.kind === 'hidden-states' ? job.match.completed.result : undefined;

  return (
    <section className="card" data-testid="hidden-states-section">
      <div className="section-head">
        <h2>Hidden states over the rows</h2>
        <span className="cancel">
          <ImageIndexForm
            mapCount={undefined}
            withMap={false}
            disabled={job.busy}
            onAnalyse={(i) => {
              setImage(i);
              setArmed(true);
            }}
          />
          <ComputeButton job={job} testId="hidden-states-compute" label="Compute" />
        </span>
      </div>
      <p className="muted small">
        The net reads test image #{image} one row per step (28 steps, top to bottom). Rows of each heat-map are those steps, columns the
        units; gates in 0 … 1 (viridis), states in −1 … 1 (jet). The grid beside the digit is the classifier&apos;s answer had the image
        ended at that row.
      </p>
      <JobState job={job} testId="hidden-states" what="hidden-state trace" doing="reading the image row by row…" emptyAt={step} />
      {result && job.match.completed && <StatesView vizId={job.match.completed.id} result={result} classes={classes} />}
    </section>
  );
}

function StatesView({ vizId, result, classes }: { vizId: string; result: THiddenStatesResult; classes: TClassNames }) {
  const height = result.steps * ROW_PX;
  const columns = result.stepProbabilities[0]?.length ?? 0;
  const units = (layer: string) => result.layers.find((l) => l.layer === layer)?.units ?? 1;
  return (
    <div data-testid="hidden-states" data-image={result.image}>
      <p className="small">
        true <strong>{classLabel(classes, result.label)}</strong> · predicted <strong>{classLabel(classes, result.predicted)}</strong> after
        all {result.steps} rows <span className="muted">· {result.seconds.toFixed(1)} s</span>
      </p>
      <div className="states-row">
        <figure className="states-figure">
          <PixelImage src={visualizationImageUrl(vizId, 'input')} alt={`test image ${result.image}`} size={height} lazy={false} />
          <figcaption className="small muted">input</figcaption>
        </figure>
        <figure className="states-figure">
          <div
            className="step-probabilities"
            style={{ gridTemplateColumns: `repeat(${columns}, ${ROW_PX * 3}px)`, gridAutoRows: `${ROW_PX}px` }}
            data-testid="step-probabilities"
          >
            {result.stepProbabilities.flatMap((row, t) =>
              row.map((p, c) => (
                <span
                  key={`${t}-${c}`}
                  style={{ background: `rgba(37, 99, 235, ${p.toFixed(3)})` }}
                  title={`after row ${t + 1}: ${classLabel(classes, c)} ${formatShare(p)}`}
                />
              )),
            )}
          </div>
          <figcaption className="small muted">
            answer after each row
            <br />
            columns: {classLabel(classes, 0)} … {classLabel(classes, columns - 1)}
          </figcaption>
        </figure>
      </div>
      {viewsByLayer(result.views).map((group) => (
        <div key={group.layer}>
          <h3 className="small">
            {group.layer} ({units(group.layer)} units)
          </h3>
          <div className="states-row">
            {group.views.map((v) => (
              <figure key={v.name} className="states-figure" data-testid="state-view">
                <PixelImage
                  src={visualizationImageUrl(vizId, v.name)}
                  alt={`${group.layer} ${seriesTitle(v.series)} over the rows`}
                  size={heatmapWidth(units(group.layer))}
                  height={height}
                />
                <figcaption className="small muted">
                  {seriesTitle(v.series)} · {rangeText(v)}
                </figcaption>
              </figure>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
