import type { TFilterExpr, TFilterField, TFilterValue, TSortField } from '@tensorscope/shared';

/**
 * Compiles a parsed run filter (packages/shared run-filter) to a SQL condition on `"Run" r`.
 * Every value and every field name travels as a bind parameter (`$n`, appended to `params`), so
 * nothing the user typed becomes SQL text. A field a run lacks is NULL, and SQL's three-valued
 * logic then matches what `matchesRunFilter` (the shared reference) says.
 */
export function runFilterSql(expr: TFilterExpr, params: unknown[]): string {
  const bind = binder(params);
  const typed = (field: TFilterField, value: TFilterValue) => (field.type === 'number' ? `${bind(value)}::float8` : `${bind(value)}::text`);
  const likeText = (value: TFilterValue) => `'%' || ${bind(String(value).replace(/[\\%_]/g, '\\$&'))}::text || '%'`;

  const column = (field: TFilterField) => runFieldSql(field, bind);

  const compile = (e: TFilterExpr): string => {
    switch (e.kind) {
      case 'and':
      case 'or':
        return `(${e.items.map(compile).join(e.kind === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${compile(e.item)})`;
      case 'cmp': {
        const col = column(e.field);
        if (e.field.kind === 'run' && e.field.key === 'tag') {
          // A list of tags: `=` holds when some tag is the value, `!=` when none is.
          if (e.op === '~') return `EXISTS (SELECT 1 FROM unnest(r.tags) AS t WHERE t ILIKE ${likeText(e.value)} ESCAPE '\\')`;
          const any = `${typed(e.field, e.value)} = ANY(${col})`;
          return e.op === '!=' ? `(NOT ${any})` : any;
        }
        if (e.op === '~') return `${col} ILIKE ${likeText(e.value)} ESCAPE '\\'`;
        return `${col} ${e.op === '!=' ? '<>' : e.op} ${typed(e.field, e.value)}`;
      }
      case 'in': {
        const col = column(e.field);
        const list = e.values.map((v) => typed(e.field, v)).join(', ');
        if (e.field.kind === 'run' && e.field.key === 'tag') {
          const overlap = `${col} && ARRAY[${list}]`;
          return e.negate ? `(NOT ${overlap})` : overlap;
        }
        return `${col} ${e.negate ? 'NOT IN' : 'IN'} (${list})`;
      }
    }
  };
  return compile(expr);
}

/** Appends a value to `params` and answers its placeholder. */
export const binder =
  (params: unknown[]) =>
  (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };

/** The SQL expression of a run field (NULL where the run lacks it): for filters and for ORDER BY. */
export function runFieldSql(field: TFilterField | TSortField, bind: (value: unknown) => string): string {
  switch (field.kind) {
    case 'config':
      return field.type === 'number' ? `(r.config ->> ${bind(field.key)}::text)::float8` : `(r.config ->> ${bind(field.key)}::text)`;
    case 'metric':
      return field.agg === 'final'
        ? `(r."finalMetrics" ->> ${bind(field.tag)}::text)::float8`
        : `(r."bestMetrics" -> ${bind(field.tag)}::text ->> 'value')::float8`;
    case 'time':
      return `r."${field.key}"`;
    case 'run':
      return field.key === 'status' ? 'r.status::text' : field.key === 'name' ? 'r.name' : 'r.tags';
  }
}
