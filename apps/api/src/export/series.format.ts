import type { TScalarPoint } from '@tensorscope/shared';

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

/** One series in TensorBoard's CSV layout: `wall_time,step,value`. */
export function seriesCsv(points: readonly TScalarPoint[]): string {
  return ['wall_time,step,value', ...points.map((p) => `${seconds(p.wallTime)},${p.step},${p.value}`)].join('\n') + '\n';
}

/** One series in TensorBoard's JSON layout: `[[wall_time, step, value], …]`. */
export function seriesJson(points: readonly TScalarPoint[]): [number, number, number][] {
  return points.map((p) => [seconds(p.wallTime), p.step, p.value]);
}

/** Many runs × tags in one long-format CSV (one row per point), ready for pandas or a spreadsheet. */
export function manySeriesCsv(series: readonly TExportSeries[]): string {
  const rows = ['run_id,run_name,tag,wall_time,step,value'];
  for (const s of series) {
    const prefix = `${s.runId},${csvField(s.runName)},${csvField(s.tag)}`;
    for (const p of s.points) rows.push(`${prefix},${seconds(p.wallTime)},${p.step},${p.value}`);
  }
  return rows.join('\n') + '\n';
}
