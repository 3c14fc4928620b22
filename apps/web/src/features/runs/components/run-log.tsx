'use client';

import type { TRun } from '@tensorscope/shared';
import { CardSection } from '../../../components/card-section';
import { formatTimestamp } from '../../../lib/format';
import { useRunLogs } from '../hooks/use-run-queries';

/** What the worker wrote about the run: claimed, backend, resumed, lease lost, how it ended. */
export function RunLog({ run }: { run: TRun }) {
  const logs = useRunLogs(run.id, run.status);
  const lines = logs.data?.lines ?? [];
  return (
    <CardSection title="Worker log" testId="run-log">
      {logs.isError ? (
        <p className="muted">Could not load the log.</p>
      ) : lines.length === 0 ? (
        <p className="muted">{run.status === 'queued' ? 'Nothing yet: the run waits for a worker.' : 'No lines.'}</p>
      ) : (
        <ol className="run-log">
          {lines.map((line) => (
            <li key={line.id} className={`run-log-line run-log-line--${line.level}`} data-testid="run-log-line">
              <time dateTime={line.at}>{formatTimestamp(line.at)}</time> <span>{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </CardSection>
  );
}
