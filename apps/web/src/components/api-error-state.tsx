'use client';

import Link from 'next/link';
import { ApiError, ApiUnreachableError, isNotFound } from '../lib/api-client';

/** What to show when a query failed: unreachable API, unknown run, or the API's own message. */
export function ApiErrorState({ error, onRetry, what = 'data' }: { error: unknown; onRetry?: () => void; what?: string }) {
  if (error instanceof ApiUnreachableError) {
    return (
      <div className="state-box state-box--error" role="alert" data-testid="api-unreachable">
        <h2>API unreachable</h2>
        <p>
          The dashboard could not reach the Tensorscope API at <code>{error.baseUrl}</code>. Is it running? This page reloads the {what} as
          soon as the live connection comes back.
        </p>
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Retry now
          </button>
        )}
      </div>
    );
  }
  if (isNotFound(error)) {
    return (
      <div className="state-box" role="alert" data-testid="run-not-found">
        <h2>Run not found</h2>
        <p>
          There is no run with this id. It may have been deleted, or the link is wrong. <Link href="/">Back to the runs</Link>
        </p>
      </div>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state-box state-box--error" role="alert" data-testid="api-error">
      <h2>Could not load the {what}</h2>
      <p className="mono">
        {error instanceof ApiError ? `${error.status} ${error.code}: ` : ''}
        {message}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
