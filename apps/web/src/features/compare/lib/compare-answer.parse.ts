import { ZCompareResult, ZCompareSeries, type TCompareResult } from '@tensorscope/shared';
import { z } from 'zod';

/*
 * The compare answer's schema for the browser: the shared one (the contract), with its four
 * numeric columns checked by one plain loop each instead of one zod check per element. A 100-run
 * answer holds ~900,000 numbers; through z.array(z.number()) they cost 60–90 ms of main thread
 * per answer (and a copy of every array), here a few ms and no copy. Everything else (field
 * names, enums, nullability, the object around them) comes from the shared schema itself.
 */

/** Every element a finite number (an integer with `int`), or also null with `nullable`. */
function isNumberColumn(value: unknown, int: boolean, nullable: boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v === 'number') {
      // JSON has no NaN or Infinity, so this only rejects what z.number() rejects too.
      if (!Number.isFinite(v) || (int && !Number.isInteger(v))) return false;
    } else if (!(nullable && v === null)) return false;
  }
  return true;
}

const column = <T extends number | null>(what: string, int: boolean, nullable: boolean) =>
  z.custom<T[]>(
    (value) => isNumberColumn(value, int, nullable),
    `${what}: expected an array of ${nullable ? 'numbers or nulls' : 'numbers'}`,
  );

/** ZCompareSeries with cheap columns, and the columns' lengths checked against each other (the chart pairs them up by index). */
export const ZCompareSeriesColumns = ZCompareSeries.extend({
  steps: column<number>('steps', true, false),
  wallTimes: column<number>('wallTimes', false, false),
  values: column<number | null>('values', false, true),
  smoothed: column<number | null>('smoothed', false, true).nullable(),
}).refine(
  (s) =>
    s.wallTimes.length === s.steps.length &&
    s.values.length === s.steps.length &&
    (s.smoothed === null || s.smoothed.length === s.steps.length),
  { message: 'steps, wallTimes, values and smoothed must have the same length' },
);

export const ZCompareResultColumns = ZCompareResult.extend({ series: z.array(ZCompareSeriesColumns) });

// The cheap schema must produce exactly the shared type: a change to the contract that it misses fails to compile.
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameType: TSame<z.output<typeof ZCompareResultColumns>, TCompareResult> = true;
void sameType;
