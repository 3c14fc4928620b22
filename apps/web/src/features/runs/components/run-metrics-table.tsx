'use client';

import type { TRun, TScalarTag } from '@tensorscope/shared';
import { FINISHED_STATUSES, SCALAR_TAGS } from '@tensorscope/shared';
import { useScalarSeries } from '../hooks/use-run-queries';
import { formatAccuracy, formatMetric } from '../../../lib/format';

/** One tag's latest value: the live series' last point, else what the run row reports. */
function useLatest(run: TRun, tag: TScalarTag): { value: number | undefined; step: number | undefined } {
  const series = useScalarSeries(run.id, tag);
  const last = series.data?.points.at(-1);
  if (last) return { value: last.value, step: last.step };
  return { value: run.finalMetrics?.[tag], step: undefined };
}

export function RunMetricsTable({ run }: { run: TRun }) {
  const rows = [
    { tag: SCALAR_TAGS[0], ...useLatest(run, SCALAR_TAGS[0]) },
    { tag: SCALAR_TAGS[1], ...useLatest(run, SCALAR_TAGS[1]) },
    { tag: SCALAR_TAGS[2], ...useLatest(run, SCALAR_TAGS[2]) },
    { tag: SCALAR_TAGS[3], ...useLatest(run, SCALAR_TAGS[3]) },
  ].filter((row) => row.value !== undefined);
  const finished = FINISHED_STATUSES.includes(run.status);
  return (
    <section className="card">
      <h2>{finished ? 'Final metrics' : 'Latest metrics'}</h2>
      {rows.length === 0 ? (
        <p className="muted">None yet: they appear as the run logs them.</p>
      ) : (
        <table className="table kv" data-testid="run-metrics">
          <tbody>
            {rows.map(({ tag, value, step }) => (
              <tr key={tag}>
                <th>{tag}</th>
                <td className="mono">
                  {tag.endsWith('accuracy') ? `${formatAccuracy(value)} (${formatMetric(value)})` : formatMetric(value)}
                  {step !== undefined && <span className="muted"> @ step {step}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
