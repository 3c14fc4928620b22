'use client';

import Link from 'next/link';
import { useConnectionState } from '../socket/socket-provider';

const CONNECTION_LABEL = {
  connecting: 'connecting…',
  connected: 'live',
  disconnected: 'offline, retrying',
} as const;

export function AppHeader() {
  const connection = useConnectionState();
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden>
          ◧
        </span>
        Tensorscope
      </Link>
      <nav className="app-nav">
        <Link href="/">Runs</Link>
        <Link href="/runs/new">New run</Link>
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
