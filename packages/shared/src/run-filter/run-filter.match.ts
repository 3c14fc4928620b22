import type { TRun } from '../run.schema';
import type { TFilterExpr, TFilterField, TFilterValue } from './run-filter.types';

/** SQL's three-valued logic: null where a field is absent (a config field the model lacks, a metric not logged). */
type TTruth = boolean | null;

/** The values a field has on a run: none (absent), one, or several (tags). */
function valuesOf(field: TFilterField, run: TRun & { tags?: readonly string[] }): readonly TFilterValue[] {
  if (field.kind === 'metric') {
    const v = field.agg === 'final' ? run.finalMetrics?.[field.tag] : run.bestMetrics?.[field.tag]?.value;
    return v === undefined ? [] : [v];
  }
  if (field.kind === 'run') {
    if (field.key === 'tag') return run.tags ?? [];
    return [run[field.key]];
  }
  const v = (run.config as Record<string, unknown>)[field.key];
  return typeof v === 'number' || typeof v === 'string' ? [v] : [];
}

/** A run's tags are a list that may be empty (known), not an absent value. */
const isTags = (field: TFilterField) => field.kind === 'run' && field.key === 'tag';

function compare(a: TFilterValue, op: string, b: TFilterValue): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return String(a).toLowerCase().includes(String(b).toLowerCase());
  }
}

function truth(expr: TFilterExpr, run: TRun & { tags?: readonly string[] }): TTruth {
  switch (expr.kind) {
    case 'and': {
      const all = expr.items.map((e) => truth(e, run));
      return all.includes(false) ? false : all.includes(null) ? null : true;
    }
    case 'or': {
      const all = expr.items.map((e) => truth(e, run));
      return all.includes(true) ? true : all.includes(null) ? null : false;
    }
    case 'not': {
      const t = truth(expr.item, run);
      return t === null ? null : !t;
    }
    case 'cmp': {
      const values = valuesOf(expr.field, run);
      if (values.length === 0 && !isTags(expr.field)) return null;
      // Tags: `tag = x` holds when some tag is x, `tag != x` when none is.
      return expr.op === '!=' ? values.every((v) => compare(v, '!=', expr.value)) : values.some((v) => compare(v, expr.op, expr.value));
    }
    case 'in': {
      const values = valuesOf(expr.field, run);
      if (values.length === 0 && !isTags(expr.field)) return null;
      const hit = values.some((v) => expr.values.includes(v));
      return expr.negate ? !hit : hit;
    }
  }
}

/**
 * Whether a run passes a filter, with the same semantics as the API's SQL: a comparison with an
 * absent value is unknown, and unknown never matches (not even under `not`). The API's medium test
 * checks its SQL against this on real rows.
 */
export const matchesRunFilter = (expr: TFilterExpr, run: TRun & { tags?: readonly string[] }): boolean => truth(expr, run) === true;
