import type { TRun } from '@tensorscope/shared';
import { generalizationGap, type TRoughness } from './compare-overfit';

/** One selected run as the legend and the tables show it. */
export interface TCompareRow {
  runId: string;
  color: string;
  /** Undefined while loading or when it doesn't exist. */
  run: TRun | undefined;
  missing: boolean;
  /** undefined = not known yet; null = not measurable. */
  gap: number | null | undefined;
  roughness: number | null | undefined;
  /** False when the roughness was measured on a downsampled series (longer than 40,000 points). */
  roughnessExact: boolean;
}

/** What the legend and the run tables get: the rows, and the run highlighted across all views. */
export interface TCompareRowsView {
  rows: readonly TCompareRow[];
  highlighted: string | null;
  onHighlight: (runId: string | null) => void;
}

export function buildCompareRows(
  runIds: readonly string[],
  colors: ReadonlyMap<string, string>,
  runs: ReadonlyMap<string, TRun>,
  missing: ReadonlySet<string>,
  roughness: ReadonlyMap<string, TRoughness>,
): TCompareRow[] {
  return runIds.map((runId) => {
    const run = runs.get(runId);
    const gone = missing.has(runId);
    return {
      runId,
      color: colors.get(runId) ?? '#777777',
      run,
      missing: gone,
      gap: run ? generalizationGap(run.finalMetrics) : gone ? null : undefined,
      roughness: roughness.has(runId) ? roughness.get(runId)!.value : gone ? null : undefined,
      roughnessExact: roughness.get(runId)?.exact ?? true,
    };
  });
}
