import { describe, expect, it } from 'vitest';
import { arrayLiteral, inlineParams, literal } from './sql-literal';

describe('SQL literals for the one-round-trip scalar insert', () => {
  it('quotes text, keeps integers, and writes floats (NaN, ±Infinity included) as float8 text', () => {
    expect(literal("it's")).toBe("'it''s'");
    expect(literal(42)).toBe('42');
    expect(literal(0.1)).toBe("'0.1'::float8");
    expect(literal(Number.NaN)).toBe("'NaN'::float8");
    expect(literal(Number.NEGATIVE_INFINITY)).toBe("'-Infinity'::float8");
  });

  it('writes arrays as one quoted constant, elements quoted and escaped', () => {
    expect(arrayLiteral(['a', 'b'], 'text[]')).toBe(`'{"a","b"}'::text[]`);
    // A quote, a backslash, a comma and braces stay inside their element; the SQL literal then
    // doubles the ' and (E-string) the backslashes.
    expect(arrayLiteral([`it's "x", {y}\\z`], 'text[]')).toBe(` E'{"it''s \\\\"x\\\\", {y}\\\\\\\\z"}'::text[]`);
    expect(arrayLiteral([1, -2], 'int[]')).toBe(`'{1,-2}'::int[]`);
    expect(arrayLiteral([0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-7], 'float8[]')).toBe(
      `'{0.1,NaN,Infinity,-Infinity,1e-7}'::float8[]`,
    );
  });

  it('inlines numbered parameters and refuses a missing one', () => {
    expect(inlineParams('SELECT $1, $2, $1', ["'x'", '2'])).toBe("SELECT 'x', 2, 'x'");
    expect(() => inlineParams('SELECT $3', ['1'])).toThrow('no value for $3');
  });
});
