import type { TRun } from '@tensorscope/shared';
import { ordinal } from '../lib/format';

/** "3rd in line" beside a queued run's status (the API's queuePosition, in claim order). */
export function QueuePosition({ run }: { run: TRun }) {
  if (run.status !== 'queued' || run.queuePosition === null) return null;
  return (
    <span className="queue-position" data-testid="queue-position" title="Place among queued runs; workers take the oldest first">
      {ordinal(run.queuePosition)} in line
    </span>
  );
}
