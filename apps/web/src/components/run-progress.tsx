import type { TRun } from '@tensorscope/shared';
import { progressFraction, progressParts } from '../lib/format';

/**
 * Progress of a run: a bar plus epoch, step, throughput and ETA. `compact` is the
 * table-cell variant. Queued runs and running runs without a first tick get a hint.
 */
export function RunProgress({ run, compact = false }: { run: TRun; compact?: boolean }) {
  const { progress } = run;
  const className = `progress ${compact ? 'progress--compact' : ''} progress--${run.status}`;
  if (!progress) {
    const hint =
      run.status === 'queued'
        ? 'waiting for a worker'
        : run.status === 'running'
          ? 'starting…'
          : run.status === 'completed'
            ? '—'
            : `${run.status} before it started`;
    return (
      <div className={className} data-testid="run-progress">
        <div className="progress-track">
          <div className="progress-fill" style={{ width: '0%' }} />
        </div>
        <div className="progress-text muted">{hint}</div>
      </div>
    );
  }
  const parts = progressParts(progress);
  return (
    <div
      className={className}
      data-testid="run-progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={progress.totalSteps}
      aria-valuenow={progress.step}
    >
      <div className="progress-track">
        <div className="progress-fill" style={{ width: `${progressFraction(progress) * 100}%` }} />
      </div>
      <div className="progress-text">
        <span className="progress-percent">{parts.percent}</span>
        <span>{parts.epoch}</span>
        <span>{parts.steps}</span>
        {run.status === 'running' && (
          <>
            <span>{parts.rate}</span>
            <span>{parts.eta}</span>
          </>
        )}
      </div>
    </div>
  );
}
