import { escapeLiteral } from 'pg';

/** A SQL literal for a value the scalar writer sends: text, integer or float (NaN/±Infinity as text). */
export function literal(value: string | number): string {
  if (typeof value === 'string') return escapeLiteral(value);
  if (Number.isInteger(value)) return String(value);
  return `'${String(value)}'::float8`;
}

/**
 * One quoted array constant ('{…}'::type), for unnest(). Postgres reads it with the type's array
 * input function in one pass; ARRAY[v1, v2, …] was an expression per element, which parsing and
 * planning paid for element by element (measured: about 2 ms less Postgres CPU per 1,000 points).
 * Text elements are double-quoted with `"` and `\` escaped; floats written by String() (NaN and
 * ±Infinity included) read back exactly. Numbers need no quoting, and the literal is quoted with
 * regular expressions (the same output as pg's escapeLiteral, which goes character by character:
 * measured 2.5 times the writer's CPU for a batch).
 */
export function arrayLiteral(values: readonly (string | number)[], type: 'text[]' | 'int[]' | 'float8[]'): string {
  if (type !== 'text[]') return `'{${values.map(Number).join(',')}}'::${type}`;
  const body = `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`.replace(/'/g, "''");
  return /\\/.test(body) ? ` E'${body.replace(/\\/g, '\\\\')}'::${type}` : `'${body}'::${type}`;
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
