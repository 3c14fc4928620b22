'use client';

import type { TRun } from '@tensorscope/shared';
import { classNamesOf } from '@tensorscope/shared';
import { useSnapshotChoice } from '../../visualize/hooks/use-snapshot-choice';
import { useVisualizations } from '../../visualize/hooks/use-visualizations';
import { snapshotJobsGate, SnapshotPicker } from '../../visualize/components/snapshot-jobs-gate';
import { hasConvLayer, hasRecurrentLayer, runNetwork } from '../../network/lib/run-network';
import { inputSide } from '../../layers/lib/feature-maps';
import { ConfusionSection } from './confusion-section';
import { EmbeddingSection } from './embedding-section';
import { HiddenStatesSection } from './hidden-states-section';

/**
 * The Evaluate tab (every model): how the model fails at a weight snapshot, over the test split:
 * confusion matrix, per-class metrics and the most confident mistakes, then the embedding of the
 * layer feeding the classifier; for recurrent runs, one image's hidden states over the rows. Jobs of the workers like the visualisations (the same list, cache
 * and socket signal).
 */
export function EvaluatePanel({ run }: { run: TRun }) {
  const choice = useSnapshotChoice(run.id);
  const { list, items } = useVisualizations(run.id);
  const gate = snapshotJobsGate({ run, choice, list, testId: 'evaluate-empty', what: 'Evaluation views' });
  if (gate || !choice.snapshot) return gate;
  const step = choice.snapshot.step;
  const classes = classNamesOf(run.config);
  const side = inputSide(run.config);
  const network = runNetwork(run);
  return (
    <div data-testid="evaluate-panel">
      <section className="card visualize-controls">
        <SnapshotPicker run={run} choice={choice} testId="evaluate-snapshot" />
      </section>
      <ConfusionSection runId={run.id} items={items} step={step} classes={classes} side={side} linkImages={hasConvLayer(network)} />
      <EmbeddingSection runId={run.id} items={items} step={step} classes={classes} />
      {hasRecurrentLayer(network) && <HiddenStatesSection runId={run.id} items={items} step={step} classes={classes} />}
    </div>
  );
}
