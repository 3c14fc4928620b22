import type { TRun, TSweep } from '@tensorscope/shared';
import { FINISHED_STATUSES, betterDirection, fieldAppliesToModel, sweepPoints, sweepRunName, type TSweepPoint } from '@tensorscope/shared';

/*
 * The sweep page's results table: one row per run, its axis values as read from the run's own
 * config (a field the model doesn't have is absent there, and shows as such), then the final
 * and best train/test accuracy and loss the API keeps on the run row.
 */

export const RESULT_TAGS = ['test/accuracy', 'train/accuracy', 'test/loss', 'train/loss'] as const;
export type TResultTag = (typeof RESULT_TAGS)[number];
export type TResultSource = 'final' | 'best';

export interface TResultColumn {
  key: string;
  tag: TResultTag;
  source: TResultSource;
  label: string;
}

/** Final then best of each tag, test accuracy first: what a sweep is usually read for. */
export const RESULT_COLUMNS: readonly TResultColumn[] = RESULT_TAGS.flatMap((tag) =>
  (['final', 'best'] as const).map((source) => ({
    key: `${source}:${tag}`,
    tag,
    source,
    label: `${source === 'best' ? 'best ' : ''}${tag.replace('/accuracy', ' acc').replace('/loss', ' loss')}`,
  })),
);

export interface TSweepRow {
  run: TRun;
  /** Position of the run's combination in the sweep (first axis slowest); unknown runs last. */
  order: number;
  /** Axis field → the value the run trained with; undefined when its model has no such field. */
  axisValues: Record<string, number | string | undefined>;
  /** Column key (`final:test/accuracy`…) → value, undefined until logged. */
  metrics: Record<string, number | undefined>;
}

export function sweepRows(sweep: Pick<TSweep, 'name' | 'axes'>, runs: readonly TRun[]): TSweepRow[] {
  // Runs are named after their combination, which recovers the sweep's order whatever the list
  // order; a renamed run is placed by its config's values instead (the first combination they fit).
  const points = sweepPoints(sweep.axes);
  const orderByName = new Map(points.map((point, i) => [sweepRunName(sweep.name, point), i]));
  const byAge = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return runs.map((run) => {
    const config = run.config as Record<string, unknown>;
    const axisValues: Record<string, number | string | undefined> = {};
    for (const { field } of sweep.axes) {
      const value = config[field];
      axisValues[field] = typeof value === 'number' || typeof value === 'string' ? value : undefined;
    }
    const metrics: Record<string, number | undefined> = {};
    for (const column of RESULT_COLUMNS) {
      metrics[column.key] = column.source === 'final' ? run.finalMetrics?.[column.tag] : run.bestMetrics?.[column.tag]?.value;
    }
    const byConfig = points.findIndex((point) => fitsPoint(config, point));
    const order = orderByName.get(run.name) ?? (byConfig >= 0 ? byConfig : points.length + byAge.indexOf(run));
    return { run, order, axisValues, metrics };
  });
}

/** Whether a run's config has the combination's values (fields its model lacks aside). */
const fitsPoint = (config: Record<string, unknown>, point: TSweepPoint): boolean =>
  Object.entries(point).every(([field, value]) => !fieldAppliesToModel(field, String(config.model)) || config[field] === value);

export type TSortKey = 'order' | 'name' | 'status' | `axis:${string}` | `final:${TResultTag}` | `best:${TResultTag}`;
export type TSortDir = 'asc' | 'desc';
export interface TSort {
  key: TSortKey;
  dir: TSortDir;
}

const collator = new Intl.Collator('en', { numeric: true });

function sortValue(row: TSweepRow, key: TSortKey): number | string | undefined {
  if (key === 'order') return row.order;
  if (key === 'name') return row.run.name;
  if (key === 'status') return row.run.status;
  if (key.startsWith('axis:')) return row.axisValues[key.slice(5)];
  return row.metrics[key];
}

/** Rows sorted by one column; rows without a value stay last either way, ties keep sweep order. */
export function sortSweepRows(rows: readonly TSweepRow[], sort: TSort): TSweepRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
      return a.order - b.order;
    }
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return sign * cmp || a.order - b.order;
  });
}

/** Clicking a header: the same column flips, a new metric column starts with its best values first. */
export function nextSort(current: TSort, key: TSortKey): TSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  const tag = key.includes('/') ? key.slice(key.indexOf(':') + 1) : undefined;
  return { key, dir: tag && betterDirection(tag) === 'max' ? 'desc' : 'asc' };
}

/** The run with the highest best test accuracy (its final one if the best is not kept), or null. */
export function bestRunId(rows: readonly TSweepRow[]): string | null {
  let best: { id: string; value: number; order: number } | null = null;
  for (const row of rows) {
    const value = row.metrics['best:test/accuracy'] ?? row.metrics['final:test/accuracy'];
    if (value === undefined || !Number.isFinite(value)) continue;
    if (!best || value > best.value || (value === best.value && row.order < best.order)) {
      best = { id: row.run.id, value, order: row.order };
    }
  }
  return best?.id ?? null;
}

/** The compare view of these runs, on the curves a sweep is judged by. */
export function compareHref(runIds: readonly string[]): string {
  return `/compare?runs=${runIds.join(',')}&tags=train/accuracy,test/accuracy,train/loss`;
}

/** Runs that may still be stopped: not finished and not already asked to stop. */
export function cancellableRunIds(runs: readonly TRun[]): string[] {
  return runs.filter((r) => !FINISHED_STATUSES.includes(r.status) && !r.cancelRequested).map((r) => r.id);
}
