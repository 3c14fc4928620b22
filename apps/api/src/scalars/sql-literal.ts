import { escapeLiteral } from 'pg';

/** A SQL literal for a value the scalar writer sends: text, integer or float (NaN/±Infinity as text). */
export function literal(value: string | number): string {
  if (typeof value === 'string') return escapeLiteral(value);
  if (Number.isInteger(value)) return String(value);
  return `'${String(value)}'::float8`;
}

/** ARRAY[…]::type, for unnest(). */
export function arrayLiteral(values: readonly (string | number)[], type: 'text[]' | 'int[]' | 'float8[]'): string {
  return `ARRAY[${values.map(literal).join(',')}]::${type}`;
}

/**
 * Replaces $1, $2, … with literals. Lets several parameterised statements travel as one simple
 * query: one round trip, run by Postgres as one implicit transaction.
 */
export function inlineParams(sql: string, params: readonly string[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const p = params[Number(n) - 1];
    if (p === undefined) throw new Error(`no value for $${n}`);
    return p;
  });
}
