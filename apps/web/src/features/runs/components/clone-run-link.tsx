import type { TRun } from '@tensorscope/shared';
import Link from 'next/link';

/** "Run again with these settings": the new-run form, filled in from this run (see RunForm's ?from=). */
export function CloneRunLink({ run, compact = false }: { run: TRun; compact?: boolean }) {
  return (
    <Link
      href={`/runs/new?from=${run.id}`}
      className={compact ? 'icon-button' : 'button'}
      data-testid="clone-run"
      title="Run again with these settings"
      aria-label={compact ? `Run ${run.name} again with its settings` : undefined}
    >
      {compact ? '↻' : 'Run again'}
    </Link>
  );
}
