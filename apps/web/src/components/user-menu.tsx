'use client';

import type { TUser } from '@tensorscope/shared';
import Link from 'next/link';
import { GuardedButton } from './guarded-button';
import { useSignOut } from '../hooks/use-me';

/** Who is signed in, with which role; their settings (API tokens, users) and the way out. */
export function UserMenu({ user }: { user: TUser }) {
  const signOut = useSignOut();
  return (
    <span className="user-menu" data-testid="user-menu">
      <span className="user-menu-email" data-testid="user-email">
        {user.email}
      </span>
      <span className={`role-badge role-badge--${user.role}`} data-testid="user-role">
        {user.role}
      </span>
      <Link href="/settings" data-testid="nav-settings">
        Settings
      </Link>
      <GuardedButton className="user-menu-button" testId="sign-out" busy={signOut.isPending} onClick={() => signOut.mutate()}>
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </GuardedButton>
    </span>
  );
}
