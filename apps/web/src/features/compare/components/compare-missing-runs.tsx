'use client';

/** Runs in the link that don't exist (deleted, or a mangled id), each removable. */
export function CompareMissingRuns({ ids, onRemove }: { ids: readonly string[]; onRemove: (ids: string[]) => void }) {
  if (ids.length === 0) return null;
  return (
    <div className="state-box compare-missing" role="status" data-testid="compare-missing">
      <p>
        {ids.length === 1 ? 'One run in this comparison no longer exists' : `${ids.length} runs in this comparison no longer exist`}{' '}
        (deleted, or a wrong id in the link):
      </p>
      <ul className="compare-missing-list">
        {ids.map((id) => (
          <li key={id}>
            <code>{id}</code>{' '}
            <button type="button" className="button button--small" onClick={() => onRemove([id])} data-testid="compare-remove-missing">
              Remove
            </button>
          </li>
        ))}
      </ul>
      {ids.length > 1 && (
        <button type="button" className="button" onClick={() => onRemove([...ids])}>
          Remove all missing
        </button>
      )}
    </div>
  );
}
