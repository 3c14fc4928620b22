import type { TRunStatus } from '@tensorscope/shared';

export function StatusBadge({ status }: { status: TRunStatus }) {
  return (
    <span className={`status status--${status}`} data-testid="run-status">
      {status}
    </span>
  );
}
