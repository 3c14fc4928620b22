'use client';

import { useMe } from '../../../hooks/use-me';
import { canManageUsers } from '../../../lib/permissions';
import { ApiErrorState } from '../../../components/api-error-state';
import { TokensSection } from './tokens-section';
import { UsersSection } from './users-section';

/** The signed-in user's API tokens; for admins, every account too. */
export function SettingsPage() {
  const me = useMe();
  const user = me.data?.user;
  return (
    <>
      <div className="page-head">
        <h1>Settings</h1>
        {user && (
          <span className="muted" data-testid="settings-user">
            {user.email} · {user.role}
          </span>
        )}
      </div>
      {me.isError && !user ? (
        <ApiErrorState error={me.error} onRetry={() => void me.refetch()} what="account" />
      ) : !user ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <TokensSection />
          {canManageUsers(user) && <UsersSection me={user} />}
        </>
      )}
    </>
  );
}
