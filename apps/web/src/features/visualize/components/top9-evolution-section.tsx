'use client';

import type { TTop9Result, TVisualization } from '@tensorscope/shared';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useCreateVisualization } from '../hooks/use-visualizations';
import { canLaunch } from '../../../lib/permissions';
import { missingSteps, top9Evolution } from '../lib/top9-evolution';
import { isActive, progressPercent } from '../lib/visualization-match';
import { top9Params } from '../lib/visualize-params';
import { useImageStatus } from '../hooks/use-image-status';
import { PermissionNote } from '../../../components/permission-note';
import { GuardedButton } from '../../../components/guarded-button';
import { spriteUrl, Top9Tile } from './top9-tile';
import { CreateError } from './visualization-status';

/** Cell side in the evolution strip: small, it is about the change between columns. */
const CELL = 40;

/**
 * Zeiler & Fergus fig. 4, "evolution of features during training": one feature map's top-9
 * projections at every snapshot with a computed top-9 (same layer and subset), side by side.
 * Each snapshot is its own job; the missing ones can be queued in one go.
 */
export function Top9EvolutionSection({
  runId,
  items,
  steps,
  layer,
  subset,
  mapCount,
  featureMap,
  onFeatureMap,
}: {
  runId: string;
  items: readonly TVisualization[];
  /** Every stored snapshot, ascending. */
  steps: readonly number[];
  layer: string;
  subset: number;
  mapCount: number | undefined;
  featureMap: number;
  onFeatureMap: (map: number) => void;
}) {
  const create = useCreateVisualization(runId);
  const mayCompute = canLaunch(useSignedInUser(), 'visualizations');
  const [queueing, setQueueing] = useState(false);
  const params = top9Params(layer, subset);
  const columns = top9Evolution(items, steps, params);
  const missing = missingSteps(columns);
  const shown = columns.filter((c) => c.completed || (c.latest && isActive(c.latest.status)));

  const computeMissing = async () => {
    setQueueing(true);
    try {
      // One POST per snapshot; the queue spreads them over the workers. A failed earlier try is recomputed.
      await Promise.allSettled(
        missing.map((step) => {
          const failed = columns.find((c) => c.step === step)?.latest?.status === 'failed';
          return create.mutateAsync({ ...params, step, recompute: failed });
        }),
      );
    } finally {
      setQueueing(false);
    }
  };

  return (
    <section className="card" id="visualize-evolution-section" data-testid="top9-evolution">
      <div className="section-head">
        <h2>Across snapshots</h2>
        <div className="pickers">
          <label className="filter">
            <span>Map</span>
            <select data-testid="evolution-map" value={featureMap} onChange={(e) => onFeatureMap(Number(e.target.value))}>
              {Array.from({ length: Math.max(mapCount ?? 0, featureMap + 1) }, (_, m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          {missing.length > 0 && <PermissionNote verdict={mayCompute} />}
          <GuardedButton
            verdict={mayCompute}
            busy={missing.length === 0 || queueing}
            testId="evolution-compute"
            onClick={() => void computeMissing()}
          >
            {queueing ? 'Queueing…' : `Compute missing (${missing.length})`}
          </GuardedButton>
        </div>
      </div>
      <p className="muted small">
        {layer} map {featureMap}: its 9 strongest projections at every snapshot with a top-9 of the same subset ({shown.length} of{' '}
        {steps.length} snapshots), oldest left: how the feature forms during training (fig. 4).
      </p>
      <CreateError error={create.error} />
      {shown.length === 0 ? (
        <p className="muted" data-testid="evolution-empty">
          No snapshot has a top-9 for {layer} yet.
        </p>
      ) : (
        <div className="evolution-strip">
          {shown.map((c) => {
            const stored = c.completed?.result;
            const result = stored?.kind === 'top9' ? stored : undefined;
            const top = result?.featureMaps.find((m) => m.featureMap === featureMap)?.top ?? [];
            const running = c.latest && isActive(c.latest.status) ? c.latest : undefined;
            return (
              <figure key={c.step} className="evolution-column" data-testid="evolution-column" data-step={c.step}>
                {c.completed && result && top.length > 0 ? (
                  <EvolutionTiles vizId={c.completed.id} result={result} featureMap={featureMap} step={c.step} />
                ) : (
                  <div className="evolution-placeholder" style={{ width: CELL * 3 + 4, height: CELL * 3 + 4 }}>
                    {running ? `${progressPercent(running)} %` : 'no map'}
                  </div>
                )}
                <figcaption className="small">
                  step {c.step.toLocaleString('en-US')}
                  {running && c.completed ? ' · updating' : ''}
                </figcaption>
              </figure>
            );
          })}
        </div>
      )}
      {missing.length > 0 && shown.length > 0 && (
        <p className="muted small">Not computed: step {missing.map((s) => s.toLocaleString('en-US')).join(', ')}.</p>
      )}
    </section>
  );
}

/** One snapshot's 9 projections of the map, out of that job's sprite (its own download per column). */
function EvolutionTiles({ vizId, result, featureMap, step }: { vizId: string; result: TTop9Result; featureMap: number; step: number }) {
  const url = spriteUrl(vizId, result);
  const status = useImageStatus(url);
  const mapIndex = result.featureMaps.findIndex((m) => m.featureMap === featureMap);
  const top = result.featureMaps[mapIndex]?.top ?? [];
  const source = { vizId, result, sprite: url && status ? { url, status } : null };
  return (
    <div className="top9-block" style={{ gridTemplateColumns: `repeat(3, ${CELL}px)` }}>
      {top.slice(0, 9).map((t, rank) => (
        <Top9Tile
          key={rank}
          source={source}
          kind="deconv"
          mapIndex={mapIndex}
          rank={rank}
          alt={`map ${featureMap} at step ${step}, rank ${rank + 1} (test image #${t.image})`}
          size={CELL}
        />
      ))}
    </div>
  );
}
