'use client';

import type { TSnapshotJob } from '../hooks/use-snapshot-job';
import { CreateError, VisualizationStatus } from './visualization-status';

/**
 * Where a section's job stands, under its head: a refused request, the progress bar or failure of
 * the newest job, or (with `emptyAt`, the snapshot's step) a note that nothing was computed for it yet.
 * Test ids: `<testId>-progress`, `<testId>-empty`.
 */
export function JobState({
  job,
  testId,
  what,
  doing,
  emptyAt,
}: {
  job: TSnapshotJob;
  testId: string;
  /** The job, for the failure line: "top-9 search". */
  what: string;
  /** What a running job does: "searching the test images…". */
  doing: string;
  emptyAt?: number;
}) {
  return (
    <>
      <CreateError error={job.askError} />
      <VisualizationStatus viz={job.match.latest} testId={`${testId}-progress`} what={what} doing={doing} />
      {emptyAt !== undefined && !job.match.latest && !job.asking && (
        <p className="muted" data-testid={`${testId}-empty`}>
          Not computed yet for step {emptyAt.toLocaleString('en-US')}.
        </p>
      )}
    </>
  );
}
