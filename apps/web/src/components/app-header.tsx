'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSignedInUser } from '../hooks/use-me';
import { isLoginPath } from '../lib/login-redirect';
import { currentSection, visibleSections } from '../lib/nav-sections';
import { canLaunch } from '../lib/permissions';
import { useConnectionState } from '../socket/socket-provider';
import { UserMenu } from './user-menu';
import { ThemeToggle } from './theme-toggle';

const CONNECTION_LABEL = {
  connecting: 'connecting…',
  connected: 'live',
  disconnected: 'offline, retrying',
} as const;

export function AppHeader() {
  const pathname = usePathname();
  // The sign-in page has nothing to navigate to yet: the brand alone.
  if (isLoginPath(pathname)) {
    return (
      <header className="app-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden>
            ◧
          </span>
          Tensorscope
        </span>
      </header>
    );
  }
  return <SignedInHeader pathname={pathname} />;
}

function SignedInHeader({ pathname }: { pathname: string }) {
  const connection = useConnectionState();
  const user = useSignedInUser();
  const current = currentSection(pathname);
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden>
          ◧
        </span>
        Tensorscope
      </Link>
      <nav className="app-nav">
        {visibleSections(canLaunch(user).ok).map(({ href, label, testId }) => (
          <Link
            key={href}
            href={href}
            data-testid={testId}
            aria-current={href === current ? 'page' : undefined}
            className={href === current ? 'app-nav-current' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      <span
        className={`connection connection--${connection}`}
        data-testid="connection-state"
        title="Live updates from the API over a socket"
      >
        <span className="connection-dot" aria-hidden />
        {CONNECTION_LABEL[connection]}
      </span>
      <ThemeToggle />
      {user && <UserMenu user={user} />}
    </header>
  );
}
