import { benchRowLine } from '@tensorscope/shared';
/** One line of the bench table: what was measured, the value, and the goal it is held to. */
export interface TBenchRow {
  name: string;
  value: number;
  unit: string;
  /** `<` or `≥` a number; rows without a goal are context (e.g. requests per second). */
  goal?: { op: '<' | '≥'; limit: number };
  note?: string;
}

export const met = (row: TBenchRow): boolean | undefined =>
  row.goal === undefined ? undefined : row.goal.op === '<' ? row.value < row.goal.limit : row.value >= row.goal.limit;

const fmt = (v: number) => (Number.isNaN(v) ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The table `pnpm bench` prints: value beside goal, and whether it was met. */
export function formatRows(rows: readonly TBenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  return rows
    .map((r) => {
      const value = `${fmt(r.value)} ${r.unit}`.padStart(14);
      const goal = r.goal ? `goal ${r.goal.op} ${fmt(r.goal.limit)} ${r.unit}` : '';
      const verdict = met(r) === undefined ? '  ' : met(r) ? 'ok' : 'MISSED';
      return `${r.name.padEnd(width)}  ${value}  ${goal.padEnd(24)} ${verdict}${r.note ? `  (${r.note})` : ''}`;
    })
    .join('\n');
}

/** The same row as a BENCH_ROW line for the report of the whole bench (scripts/bench-report.mjs). */
export function reportLine(group: string, row: TBenchRow): string {
  const goal = row.goal === undefined ? undefined : row.goal.op === '<' ? { max: row.goal.limit } : { min: row.goal.limit };
  return benchRowLine({
    group,
    name: row.name,
    value: row.value,
    unit: row.unit,
    ...(goal ? { goal } : {}),
    ...(row.note ? { note: row.note } : {}),
  });
}
