import type { ReactNode } from 'react';
import { GuardedButton } from './guarded-button';

/**
 * The inline second step of a destructive action (cancel, delete): the question naming what is
 * at stake, a danger button that does it, and one that backs out. Inline rather than
 * window.confirm, which neither tests nor screen readers handle well.
 */
export function ConfirmBox(props: {
  /** `cancel-run` → test ids `cancel-run-confirm-box` and `cancel-run-confirm`. */
  testId: string;
  label: string;
  busy: boolean;
  confirm: string;
  confirming: string;
  back: string;
  onConfirm(): void;
  onBack(): void;
  children: ReactNode;
}) {
  const { testId, label, busy, confirm, confirming, back, onConfirm, onBack, children } = props;
  return (
    <span className="confirm" role="group" aria-label={label} data-testid={`${testId}-confirm-box`}>
      <span>{children}</span>
      <GuardedButton className="button button--danger" testId={`${testId}-confirm`} busy={busy} onClick={onConfirm}>
        {busy ? confirming : confirm}
      </GuardedButton>
      <button type="button" className="button" disabled={busy} onClick={onBack}>
        {back}
      </button>
    </span>
  );
}
