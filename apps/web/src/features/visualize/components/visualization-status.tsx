'use client';

import type { TVisualization } from '@tensorscope/shared';
import { ApiError, ApiUnreachableError } from '../../../lib/api-client';
import { isActive, progressPercent } from '../lib/visualization-match';
import { ApiErrorState } from '../../../components/api-error-state';

/** A job in flight as a bar with its percentage, or a failed one with the worker's message. */
export function VisualizationStatus({
  viz,
  testId,
  what,
  doing,
}: {
  viz: TVisualization | undefined;
  testId: string;
  /** The job, for the failure line: "top-9 search". */
  what: string;
  /** What a running job does: "searching the test images…". */
  doing: string;
}) {
  if (!viz) return null;
  if (isActive(viz.status)) {
    const percent = progressPercent(viz);
    return (
      <div
        className="progress progress--running visualize-progress"
        data-testid={testId}
        data-status={viz.status}
        role="progressbar"
        aria-label={`${what} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-track">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <div className="progress-text">
          <span className="progress-percent">{percent} %</span>
          <span className="muted">{viz.status === 'queued' ? 'queued, waiting for a worker' : doing}</span>
        </div>
      </div>
    );
  }
  if (viz.status === 'failed') {
    return (
      <div className="state-box state-box--error" role="alert" data-testid="visualize-failed">
        <p>
          <strong>The {what} failed.</strong> {viz.error ?? 'The worker gave no reason.'}
        </p>
      </div>
    );
  }
  return null;
}

/**
 * A POST the API refused: its message (and field details) inline; an unreachable API gets the
 * shared state box. A 400 here is about the request (no snapshot, not a conv layer), not a missing run.
 */
export function CreateError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiUnreachableError) return <ApiErrorState error={error} what="visualization" />;
  const details = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <div className="state-box state-box--error" role="alert" data-testid="visualize-error">
      <p className="mono">
        {error instanceof ApiError ? `${error.status} ${error.code}: ` : ''}
        {error instanceof Error ? error.message : String(error)}
      </p>
      {details.length > 0 && (
        <ul className="small">
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              <code>{d.path}</code>: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
