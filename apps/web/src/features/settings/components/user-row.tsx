'use client';

import { ROLES, type TUser, type TUserUpdate } from '@tensorscope/shared';
import { useState } from 'react';
import { useUpdateUser } from '../hooks/use-users';
import { formatTimestamp } from '../../../lib/format';
import { placeFieldErrors } from '../../../lib/field-errors';
import { UserPasswordForm } from './user-password-form';
import { GuardedButton } from '../../../components/guarded-button';
import { Picker } from '../../../components/picker';

/**
 * One account: its role as a select and a disable/enable toggle, each change sent at once. The
 * controls show the server's state, so a refused change (LAST_ADMIN) snaps back, with the reason.
 */
export function UserRow({ user, isMe }: { user: TUser; isMe: boolean }) {
  const update = useUpdateUser();
  const send = (body: TUserUpdate) => update.mutate({ id: user.id, body });
  const error = update.isError ? placeFieldErrors(update.error, [] as const).form : undefined;
  const [settingPassword, setSettingPassword] = useState(false);
  return (
    <tr data-testid="user-row" data-user-id={user.id} data-email={user.email} data-disabled={user.disabled}>
      <td className="cell-name">
        {user.email}
        {isMe && <span className="muted"> (you)</span>}
      </td>
      <td>
        <Picker
          testId="user-role"
          ariaLabel={`Role of ${user.email}`}
          options={ROLES}
          value={user.role}
          disabled={update.isPending}
          onChange={(role) => {
            if (role !== user.role) send({ role });
          }}
        />
      </td>
      <td>{user.disabled ? <span className="muted">disabled</span> : 'active'}</td>
      <td>{formatTimestamp(user.createdAt)}</td>
      <td className="num">
        {settingPassword ? (
          <UserPasswordForm userId={user.id} email={user.email} isMe={isMe} onDone={() => setSettingPassword(false)} />
        ) : (
          <span className="cancel">
            {error && (
              <span className="field-error" role="alert" data-testid="user-error">
                {error}
              </span>
            )}
            <GuardedButton
              className={`button${user.disabled ? '' : ' button--danger'}`}
              testId="user-toggle-disabled"
              busy={update.isPending}
              onClick={() => send({ disabled: !user.disabled })}
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </GuardedButton>
            <GuardedButton testId="user-set-password" busy={update.isPending} onClick={() => setSettingPassword(true)}>
              Set password
            </GuardedButton>
          </span>
        )}
      </td>
    </tr>
  );
}
