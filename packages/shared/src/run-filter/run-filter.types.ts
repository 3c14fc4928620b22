import type { TRunConfigKey } from '../run-config.fields';

/*
 * A run-list filter such as `hiddenSize >= 256 and best(test/accuracy) > 0.9`, parsed once in
 * shared so the dashboard checks it as the user types and the API compiles the same tree to SQL.
 */

/** What a filter term reads from a run. */
export type TFilterField =
  /** A run-config field (absent for models without it: then every comparison is false). */
  | { kind: 'config'; key: TRunConfigKey; type: 'number' | 'string'; options?: readonly string[] }
  /** The run's own attributes. `tag` compares with each of the run's tags. */
  | { kind: 'run'; key: 'status' | 'name' | 'tag'; type: 'string'; options?: readonly string[] }
  /** A metric's last logged value (`final`) or its best one (`best`: highest accuracy, lowest loss). */
  | { kind: 'metric'; agg: 'final' | 'best'; tag: string; type: 'number' };

export type TFilterOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~';
export type TFilterValue = number | string;

export type TFilterExpr =
  | { kind: 'and' | 'or'; items: TFilterExpr[] }
  | { kind: 'not'; item: TFilterExpr }
  | { kind: 'cmp'; field: TFilterField; op: TFilterOp; value: TFilterValue }
  | { kind: 'in'; field: TFilterField; negate: boolean; values: TFilterValue[] };

/** A filter that does not parse: what is wrong and where (0-based character offset). */
export interface TFilterError {
  message: string;
  position: number;
}

export type TFilterParse = { ok: true; expr: TFilterExpr } | { ok: false; error: TFilterError };

/** Longest filter text accepted; a query string, not a program. */
export const MAX_FILTER_LENGTH = 1000;
/** Most comparisons in one filter (each becomes a SQL condition). */
export const MAX_FILTER_TERMS = 40;

/** What the run list can be ordered by: a filter field (not tags) or one of the run's times. */
export type TSortField =
  Exclude<TFilterField, { kind: 'run'; key: 'tag' }> | { kind: 'time'; key: 'createdAt' | 'startedAt' | 'finishedAt' };

/** `-best(test/accuracy)`: highest first. Runs without the value come last either way. */
export interface TRunSort {
  field: TSortField;
  desc: boolean;
}
