'use client';

/** Last-resort boundary: a render crash shows a message and a retry instead of a blank page. */
export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div className="state-box state-box--error" role="alert">
      <h2>Something went wrong</h2>
      <p className="mono">{error.message}</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
