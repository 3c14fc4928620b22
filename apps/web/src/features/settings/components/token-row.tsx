'use client';

import type { TApiToken } from '@tensorscope/shared';
import { useState } from 'react';
import { useRevokeToken } from '../hooks/use-tokens';
import { useNow } from '../../../hooks/use-now';
import { formatRelative, formatTimestamp } from '../../../lib/format';

/** One API token; revoking asks for a second click (inline, not window.confirm, which tests can't see). */
export function TokenRow({ token }: { token: TApiToken }) {
  const revoke = useRevokeToken();
  const now = useNow(30_000);
  const [armed, setArmed] = useState(false);
  const revoked = token.revokedAt !== null;
  return (
    <tr data-testid="token-row" data-token-id={token.id} data-revoked={revoked}>
      <td className="cell-name">{token.name}</td>
      <td className="mono">{token.prefix}…</td>
      <td title={formatTimestamp(token.createdAt)}>{formatRelative(token.createdAt, now)}</td>
      <td title={formatTimestamp(token.lastUsedAt)}>
        {token.lastUsedAt ? formatRelative(token.lastUsedAt, now) : <span className="muted">never</span>}
      </td>
      <td>
        {revoked ? (
          <span className="muted" data-testid="token-revoked" title={formatTimestamp(token.revokedAt)}>
            revoked {formatRelative(token.revokedAt, now)}
          </span>
        ) : (
          'active'
        )}
      </td>
      <td className="num">
        {!revoked && (
          <span className="cancel">
            {armed ? (
              <>
                <button
                  type="button"
                  className="button button--danger"
                  data-testid="revoke-token-confirm"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(token.id, { onSettled: () => setArmed(false) })}
                >
                  {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
                </button>
                <button type="button" className="button" onClick={() => setArmed(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className="button button--danger" data-testid="revoke-token" onClick={() => setArmed(true)}>
                Revoke
              </button>
            )}
          </span>
        )}
        {revoke.isError && (
          <span className="field-error" role="alert" data-testid="revoke-token-error">
            {revoke.error.message}
          </span>
        )}
      </td>
    </tr>
  );
}
