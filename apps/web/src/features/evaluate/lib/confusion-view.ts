/*
 * How the confusion matrix is read on screen: each cell as a share of its row (the true class),
 * so a rare class's mistakes are as visible as a common one's, shaded blue on the diagonal (right)
 * and red off it (wrong).
 */

/** matrix[t][p] / (row t's total); a row without images stays all 0. */
export function rowShares(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (total === 0 ? 0 : v / total));
  });
}

/** Cell colours: stronger with the share; text turns white where the fill gets dark. */
export function cellShade(share: number, correct: boolean): { background: string; color: string | undefined } {
  const alpha = Math.min(1, Math.max(0, share));
  if (alpha === 0) return { background: 'transparent', color: undefined };
  const rgb = correct ? '37, 99, 235' : '220, 38, 38';
  // A faint tint still marks a single stray image; full strength at 100 % of the row.
  return { background: `rgba(${rgb}, ${(0.08 + 0.92 * alpha).toFixed(3)})`, color: alpha > 0.5 ? '#fff' : undefined };
}

/** "93.4 %"; "—" where the ratio is undefined (0/0). */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

export interface TConfusion {
  label: number;
  predicted: number;
  count: number;
}

/** The largest off-diagonal cells, biggest first (ties: by true then predicted class): what the model mixes up most. */
export function topConfusions(matrix: readonly (readonly number[])[], n: number): TConfusion[] {
  const cells: TConfusion[] = [];
  matrix.forEach((row, label) =>
    row.forEach((count, predicted) => {
      if (label !== predicted && count > 0) cells.push({ label, predicted, count });
    }),
  );
  return cells.sort((a, b) => b.count - a.count || a.label - b.label || a.predicted - b.predicted).slice(0, n);
}
