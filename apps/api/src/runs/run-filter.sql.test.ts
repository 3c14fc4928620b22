import { parseRunFilter } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { runFilterSql } from './run-filter.sql';

const compile = (text: string) => {
  const parsed = parseRunFilter(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const params: unknown[] = [];
  return { sql: runFilterSql(parsed.expr, params), params };
};

describe('runFilterSql', () => {
  it('binds every field name and value; only operators and structure are SQL text', () => {
    expect(compile('hiddenSize >= 256 and best(test/accuracy) > 0.9')).toEqual({
      sql: `((r.config ->> $1::text)::float8 >= $2::float8 AND (r."bestMetrics" -> $3::text ->> 'value')::float8 > $4::float8)`,
      params: ['hiddenSize', 256, 'test/accuracy', 0.9],
    });
    expect(compile('optimizer not in (sgd, momentum) or not status = failed')).toEqual({
      sql: `((r.config ->> $1::text) NOT IN ($2::text, $3::text) OR (NOT r.status::text = $4::text))`,
      params: ['optimizer', 'sgd', 'momentum', 'failed'],
    });
  });

  it('escapes LIKE wildcards in ~ and handles tags as a list', () => {
    expect(compile("name ~ '50%_a'")).toEqual({ sql: `r.name ILIKE '%' || $1::text || '%' ESCAPE '\\'`, params: ['50\\%\\_a'] });
    expect(compile('tag != baseline').sql).toBe('(NOT $1::text = ANY(r.tags))');
    expect(compile('tag in (a, b)').sql).toBe('r.tags && ARRAY[$1::text, $2::text]');
  });
});
