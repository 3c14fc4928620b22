import type { TVerdict } from '../lib/permissions';

/** Why an action is off for this user, beside it; nothing while it's allowed or the user is still unknown. */
export function PermissionNote({ verdict, testId = 'permission-note' }: { verdict: TVerdict; testId?: string }) {
  if (verdict.ok || !verdict.reason) return null;
  return (
    <span className="permission-note" data-testid={testId}>
      {verdict.reason}
    </span>
  );
}
