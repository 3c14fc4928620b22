import { benchRowLine, benchRowMet, type TBenchRow as TSharedBenchRow } from '@tensorscope/shared';

/** One line of the API bench table (the shared bench row; its group is given when it is reported). */
export type TBenchRow = Omit<TSharedBenchRow, 'group'>;

const fmt = (v: number) => (Number.isNaN(v) ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The table `pnpm bench` prints: value beside goal, and whether it was met. */
export function formatRows(rows: readonly TBenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  return rows
    .map((r) => {
      const value = `${fmt(r.value)} ${r.unit}`.padStart(14);
      const goal = r.goal ? `goal ${'max' in r.goal ? `≤ ${fmt(r.goal.max)}` : `≥ ${fmt(r.goal.min)}`} ${r.unit}` : '';
      const met = benchRowMet({ group: '', ...r });
      const verdict = met === undefined ? '  ' : met ? 'ok' : 'MISSED';
      return `${r.name.padEnd(width)}  ${value}  ${goal.padEnd(24)} ${verdict}${r.note ? `  (${r.note})` : ''}`;
    })
    .join('\n');
}

/** The same row as a BENCH_ROW line for the report of the whole bench (scripts/bench-report.mjs). */
export const reportLine = (group: string, row: TBenchRow): string => benchRowLine({ group, ...row });
