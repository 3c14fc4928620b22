import { MAX_SWEEP_RUNS, sweepPoints } from '@tensorscope/shared';
import { pointLabel, type TSweepDraft } from '../lib/sweep-form';

/** Combinations listed in full up to this many; past it, the rest is counted. */
const LISTED = 24;

/** What the sweep would launch: the run count and every combination, updated as the form changes. */
export function SweepPreview({ draft }: { draft: TSweepDraft }) {
  const { runCount, axes } = draft;
  // Listing is only meaningful (and cheap) while the count is within the limit.
  const points = axes && runCount !== null && runCount <= MAX_SWEEP_RUNS ? sweepPoints(axes) : [];
  const tooMany = runCount !== null && runCount > MAX_SWEEP_RUNS;
  const formError = draft.ok ? undefined : draft.errors.form;
  return (
    <section className="sweep-preview" data-testid="sweep-preview" aria-live="polite">
      <h2>
        <span data-testid="sweep-run-count">{runCount === null ? '? runs' : `${runCount} run${runCount === 1 ? '' : 's'}`}</span>
        {axes && axes.length > 0 && <span className="muted"> · {axes.map((a) => `${a.values.length} ${a.field}`).join(' × ')}</span>}
      </h2>
      {runCount === null && <p className="muted small">Fix the lists marked in red to see the combinations.</p>}
      {tooMany && <p className="field-error">At most {MAX_SWEEP_RUNS} runs per sweep: drop some values.</p>}
      {formError && !tooMany && (
        <p className="field-error" data-testid="sweep-preview-error">
          {formError}
        </p>
      )}
      {points.length > 0 && (
        <ol className="sweep-combinations">
          {points.slice(0, LISTED).map((point) => {
            const label = pointLabel(point);
            return (
              <li key={label} className="mono small" data-testid="sweep-combination">
                {label || '(base config)'}
              </li>
            );
          })}
        </ol>
      )}
      {points.length > LISTED && <p className="muted small">… and {points.length - LISTED} more</p>}
    </section>
  );
}
