import { statusCountList, type TStatusCounts } from '../lib/sweep-status';

/** "2 running · 4 completed" as status-coloured pills, in lifecycle order. */
export function SweepStatusCounts({ counts }: { counts: TStatusCounts }) {
  const list = statusCountList(counts);
  if (list.length === 0) return <span className="muted">no runs</span>;
  return (
    <span className="status-counts">
      {list.map(({ status, count }) => (
        <span key={status} className={`status status--${status}`} data-testid="sweep-status-count" data-status={status}>
          {count} {status}
        </span>
      ))}
    </span>
  );
}
