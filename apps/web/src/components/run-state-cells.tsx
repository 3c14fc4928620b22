import type { TRun } from '@tensorscope/shared';
import { FINISHED_STATUSES } from '@tensorscope/shared';
import { RunProgress } from './run-progress';
import { QueuePosition } from './queue-position';
import { StatusBadge } from './status-badge';

/**
 * A run row's status and progress cells: the badge, then a compact progress bar while the run is
 * live, or how it ended (`ended` words it: "done", "stopped", with what the table adds).
 */
export function RunStateCells({
  run,
  progressClass,
  ended,
}: {
  run: TRun;
  progressClass: string;
  ended: (outcome: 'done' | 'stopped') => string;
}) {
  return (
    <>
      <td>
        <StatusBadge status={run.status} />
        <QueuePosition run={run} />
      </td>
      <td className={progressClass}>
        {FINISHED_STATUSES.includes(run.status) ? (
          <span className="muted">{ended(run.status === 'completed' ? 'done' : 'stopped')}</span>
        ) : (
          <RunProgress run={run} compact />
        )}
      </td>
    </>
  );
}
