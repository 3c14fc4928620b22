import Link from 'next/link';
import type { ReactNode } from 'react';
import type { TVerdict } from '../lib/permissions';
import { PermissionNote } from './permission-note';

/**
 * A page head's "+ New …" button: a link for those who may launch, otherwise the same button
 * disabled with the reason beside it, so viewers see what exists and why it is off.
 */
export function LaunchLink({ href, verdict, testId, children }: { href: string; verdict: TVerdict; testId: string; children: ReactNode }) {
  if (verdict.ok) {
    return (
      <Link href={href} className="button button--primary" data-testid={testId}>
        {children}
      </Link>
    );
  }
  const reason = verdict.reason ?? undefined;
  return (
    <span className="cancel">
      <PermissionNote verdict={verdict} />
      <button type="button" className="button button--primary" data-testid={testId} disabled title={reason}>
        {children}
      </button>
    </span>
  );
}
