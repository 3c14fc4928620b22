'use client';

import { useState } from 'react';
import { useUpdateUser } from '../hooks/use-users';
import { placeFieldErrors } from '../../../lib/field-errors';

/**
 * An admin sets someone's password (a forgotten one, a leaked one). The API ends that user's
 * sessions and closes their sockets, so they sign in again with the new one; when it is the
 * admin's own, the next request sends them to the sign-in page.
 */
export function UserPasswordForm({ userId, email, isMe, onDone }: { userId: string; email: string; isMe: boolean; onDone: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const placed = update.isError ? placeFieldErrors(update.error, ['password'] as const) : undefined;
  const error = placed?.fields.password ?? placed?.form;
  return (
    <form
      className="inline-form"
      data-testid="user-password-form"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: userId, body: { password } }, { onSuccess: onDone });
      }}
    >
      <input
        type="password"
        autoComplete="new-password"
        aria-label={`New password for ${email}`}
        placeholder="new password (10+ characters)"
        data-testid="user-new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button
        type="submit"
        className="button button--primary"
        data-testid="user-save-password"
        disabled={update.isPending || password.length === 0}
      >
        Set
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <span className="field-error" role="alert" data-testid="user-password-error">
          {error}
        </span>
      )}
      {isMe && <span className="muted small">you will be signed out</span>}
    </form>
  );
}
