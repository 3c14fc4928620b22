import type { ReactNode } from 'react';
import { ALLOWED, type TVerdict } from '../lib/permissions';

/**
 * A button the user's role may rule out: then it stays visible but disabled, and its tooltip
 * says why (the PermissionNote beside it says it on screen). `busy` disables it for the
 * caller's own reasons (a request in flight, nothing to do). Without a verdict it is only
 * ever off while busy.
 */
export function GuardedButton(props: {
  verdict?: TVerdict;
  busy?: boolean;
  type?: 'button' | 'submit';
  className?: string;
  testId: string;
  /** The tooltip while allowed. */
  title?: string;
  onClick?(): void;
  children: ReactNode;
}) {
  const { verdict = ALLOWED, busy = false, type = 'button', className = 'button', testId, title, onClick, children } = props;
  return (
    <button
      type={type}
      className={className}
      data-testid={testId}
      disabled={busy || !verdict.ok}
      title={verdict.ok ? title : (verdict.reason ?? undefined)}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
