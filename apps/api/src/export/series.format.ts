import type { TCsvHeader, TScalarPoint } from '@tensorscope/shared';

/** One exported series: which run and tag it belongs to, and its points. */
export interface TExportSeries {
  runId: string;
  runName: string;
  tag: string;
  points: readonly TScalarPoint[];
}

/** Wall time in seconds since the epoch, as TensorBoard exports it. */
const seconds = (ms: number) => ms / 1000;

/** RFC 4180 quoting: only when needed, doubling inner quotes. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The time, step and value column names: TensorBoard's exact ones, or snake_case. */
const POINT_COLUMNS: Record<TCsvHeader, string> = { tensorboard: 'Wall time,Step,Value', snake: 'wall_time,step,value' };

/** One series in TensorBoard's CSV layout; by default with its exact header, `Wall time,Step,Value`. */
export function seriesCsv(points: readonly TScalarPoint[], header: TCsvHeader = 'tensorboard'): string {
  return [POINT_COLUMNS[header], ...points.map((p) => `${seconds(p.wallTime)},${p.step},${p.value}`)].join('\n') + '\n';
}

/** One series in TensorBoard's JSON layout: `[[wall_time, step, value], …]`. */
export function seriesJson(points: readonly TScalarPoint[]): [number, number, number][] {
  return points.map((p) => [seconds(p.wallTime), p.step, p.value]);
}

/** Many runs × tags in one long-format CSV (one row per point), ready for pandas or a spreadsheet. */
export function manySeriesCsv(series: readonly TExportSeries[], header: TCsvHeader = 'snake'): string {
  const rows = [`${header === 'tensorboard' ? 'Run id,Run,Tag' : 'run_id,run_name,tag'},${POINT_COLUMNS[header]}`];
  for (const s of series) {
    const prefix = `${s.runId},${csvField(s.runName)},${csvField(s.tag)}`;
    for (const p of s.points) rows.push(`${prefix},${seconds(p.wallTime)},${p.step},${p.value}`);
  }
  return rows.join('\n') + '\n';
}
