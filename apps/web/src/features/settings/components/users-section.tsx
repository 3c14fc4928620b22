'use client';

import type { TUser } from '@tensorscope/shared';
import { useUsers } from '../hooks/use-users';
import { ApiErrorState } from '../../../components/api-error-state';
import { UserCreateForm } from './user-create-form';
import { UserRow } from './user-row';

/** Admins only: every account, its role and whether it may sign in, and a form for new ones. */
export function UsersSection({ me }: { me: TUser }) {
  const users = useUsers(true);
  return (
    <section className="card settings-section" data-testid="users-section">
      <h2>Users</h2>
      <p className="muted small">
        viewer: reads everything · launcher: also launches runs, sweeps and visualizations, and cancels their own runs · admin:
        everything, users included. A disabled account can no longer sign in, and its sessions and tokens stop working.
      </p>
      {users.isError && !users.data ? (
        <ApiErrorState error={users.error} onRetry={() => void users.refetch()} what="users" />
      ) : users.isPending ? (
        <p className="muted">Loading users…</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="user-list">
            <thead>
              <tr>
                <th>Email</th>
                <th>Role</th>
                <th>Status</th>
                <th>Created</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <UserRow key={user.id} user={user} isMe={user.id === me.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UserCreateForm />
    </section>
  );
}
