'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { currentSection, NAV_SECTIONS } from '../lib/nav-sections';
import { useConnectionState } from '../socket/socket-provider';

const CONNECTION_LABEL = {
  connecting: 'connecting…',
  connected: 'live',
  disconnected: 'offline, retrying',
} as const;

export function AppHeader() {
  const connection = useConnectionState();
  const current = currentSection(usePathname());
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden>
          ◧
        </span>
        Tensorscope
      </Link>
      <nav className="app-nav">
        {NAV_SECTIONS.map(({ href, label, testId }) => (
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
    </header>
  );
}
