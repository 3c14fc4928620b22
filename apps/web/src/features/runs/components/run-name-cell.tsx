import type { TRun } from '@tensorscope/shared';
import Link from 'next/link';
import { formatTimestamp } from '../../../lib/format';
import { CloneRunLink } from './clone-run-link';
import { RunRename } from './run-rename';
import { RunTags } from './run-tags';

/** The run list's name cell: the name (renamable in place), "run again", and the run's tags. */
export function RunNameCell({ run }: { run: TRun }) {
  return (
    <td className="cell-name">
      <span className="cell-name-line">
        <RunRename run={run}>
          <Link href={`/runs/${run.id}`} data-testid="run-name-link">
            {run.name}
          </Link>
          {run.archivedAt && (
            <span className="archived-badge" data-testid="run-row-archived" title={`Archived ${formatTimestamp(run.archivedAt)}`}>
              archived
            </span>
          )}
        </RunRename>
        <CloneRunLink run={run} compact />
      </span>
      <RunTags run={run} />
    </td>
  );
}
