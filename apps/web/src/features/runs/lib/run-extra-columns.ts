import type { TRun } from '@tensorscope/shared';
import { RUN_CONFIG_KEYS, SYSTEM_TAGS, fieldSpec } from '@tensorscope/shared';
import { formatTagValue } from '../../../lib/format';
import { formatConfigValue } from '../../compare/lib/compare-hparams';

/** A column the run list can show besides its own: a config field or a metric, sortable by the API. */
export interface TExtraColumn {
  id: string;
  label: string;
  /** The API's sort key for it (`hiddenSize`, `best(test/accuracy)`). */
  sortKey: string;
  numeric: boolean;
  /** The cell's text; undefined where the run has no value (a field its model lacks, a metric not logged). */
  cell(run: TRun): string | undefined;
}

const metric = (label: string, agg: 'final' | 'best', tag: string): TExtraColumn => ({
  id: agg === 'best' ? `best(${tag})` : tag,
  label,
  sortKey: agg === 'best' ? `best(${tag})` : tag,
  numeric: true,
  cell: (run) => {
    const v = agg === 'best' ? run.bestMetrics?.[tag]?.value : run.finalMetrics?.[tag];
    return v === undefined ? undefined : formatTagValue(tag, v);
  },
});

/** Every column the picker offers: the config fields (registry order, labels), then the metrics. */
export const EXTRA_COLUMNS: readonly TExtraColumn[] = [
  ...RUN_CONFIG_KEYS.filter((key) => key !== 'name' && key !== 'model').map((key): TExtraColumn => ({
    id: key,
    label: fieldSpec(key).label,
    sortKey: key,
    numeric: fieldSpec(key).kind === 'integer' || fieldSpec(key).kind === 'decimal',
    cell: (run) => {
      const v = (run.config as Record<string, unknown>)[key];
      return v === undefined ? undefined : formatConfigValue(v);
    },
  })),
  metric('Train loss', 'final', 'train/loss'),
  metric('Test loss', 'final', 'test/loss'),
  metric('Train acc.', 'final', 'train/accuracy'),
  metric('Best test acc.', 'best', 'test/accuracy'),
  metric('Best test loss', 'best', 'test/loss'),
  metric('Images / s', 'final', SYSTEM_TAGS.throughput),
  metric('Worker RSS (MB)', 'final', SYSTEM_TAGS.rss),
];

export const RUN_COLUMNS_STORAGE_KEY = 'tensorscope.runColumns';

/** The stored choice (a JSON list of ids) → the columns, in the picker's order; unknown ids are dropped. */
export function columnsFromStorage(stored: string | null): TExtraColumn[] {
  let ids: unknown;
  try {
    ids = JSON.parse(stored ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(ids)) return [];
  return EXTRA_COLUMNS.filter((c) => ids.includes(c.id));
}
