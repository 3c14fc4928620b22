'use client';

import type { TUser } from '@tensorscope/shared';
import { useUsers } from '../hooks/use-users';
import { DataTable } from '../../../components/data-table';
import { QueryList } from '../../../components/query-list';
import { UserCreateForm } from './user-create-form';
import { UserRow } from './user-row';

const USER_COLUMNS = ['Email', 'Role', 'Status', 'Created', ''];

/** Admins only: every account, its role and whether it may sign in, and a form for new ones. */
export function UsersSection({ me }: { me: TUser }) {
  const users = useUsers(true);
  return (
    <section className="card settings-section" data-testid="users-section">
      <h2>Users</h2>
      <p className="muted small">
        viewer: reads everything · launcher: also launches runs, sweeps and visualizations, and cancels their own runs · admin: everything,
        users included. A disabled account can no longer sign in, and its sessions and tokens stop working.
      </p>
      <QueryList query={users} what="users" loading="Loading users…">
        {(data) => (
          <DataTable testId="user-list" columns={USER_COLUMNS}>
            {data.items.map((user) => (
              <UserRow key={user.id} user={user} isMe={user.id === me.id} />
            ))}
          </DataTable>
        )}
      </QueryList>
      <UserCreateForm />
    </section>
  );
}
