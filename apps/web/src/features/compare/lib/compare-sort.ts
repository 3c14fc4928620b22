/*
 * Sorting of the hyperparameter table: any column, ascending or descending; numbers as numbers,
 * names in natural order ("run-2" before "run-10"), and empty cells always last, either way.
 */

export type TSortDir = 'asc' | 'desc';
export interface TSort {
  key: string;
  dir: TSortDir;
}
export type TCell = number | string | boolean | null | undefined;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const isEmpty = (cell: TCell) => cell === null || cell === undefined || (typeof cell === 'number' && Number.isNaN(cell));
const rank = (cell: TCell) => (typeof cell === 'number' ? 0 : typeof cell === 'boolean' ? 1 : 2);

/** Ascending order of two non-empty cells: numbers, then booleans, then text. */
export function compareCells(a: TCell, b: TCell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return collator.compare(String(a), String(b));
}

/** A sorted copy (stable: ties keep their order, the selection order). */
export function sortRows<T>(rows: readonly T[], cell: (row: T) => TCell, dir: TSortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: cell(row) }))
    .sort((a, b) => {
      const ea = isEmpty(a.value);
      const eb = isEmpty(b.value);
      if (ea || eb) return ea === eb ? a.index - b.index : ea ? 1 : -1;
      return sign * compareCells(a.value, b.value) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Clicking a header: the same column flips direction, another one starts ascending. */
export function nextSort(current: TSort | null, key: string): TSort {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}
