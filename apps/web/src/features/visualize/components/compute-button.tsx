'use client';

import { GuardedButton } from '../../../components/guarded-button';
import { PermissionNote } from '../../../components/permission-note';
import type { TSnapshotJob } from '../hooks/use-snapshot-job';

/** A section head's button for its job: compute, recompute, or "Computing…" while one runs; a note when the role rules it out. */
export function ComputeButton({ job, testId, label }: { job: TSnapshotJob; testId: string; label: string }) {
  return (
    <span className="cancel">
      <PermissionNote verdict={job.mayCompute} />
      <GuardedButton verdict={job.mayCompute} busy={job.busy} className="button button--primary" testId={testId} onClick={job.compute}>
        {job.busy ? 'Computing…' : job.action === 'recompute' ? 'Recompute' : label}
      </GuardedButton>
    </span>
  );
}
