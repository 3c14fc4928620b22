import { resolveField } from './run-filter.fields';
import { tokenize, type TToken } from './run-filter.lexer';
import {
  MAX_FILTER_LENGTH,
  MAX_FILTER_TERMS,
  type TFilterExpr,
  type TFilterField,
  type TFilterOp,
  type TFilterParse,
  type TFilterValue,
} from './run-filter.types';

/** Thrown inside the parser only; parseRunFilter turns it into `{ok: false}`. */
class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in']);
const isWord = (t: TToken, word: string) => t.kind === 'word' && t.text.toLowerCase() === word;
const describe = (t: TToken) =>
  t.kind === 'end' ? 'the end' : t.kind === 'number' ? t.text : t.kind === 'string' ? `"${t.value}"` : `"${t.text}"`;

/**
 * Parses `hiddenSize >= 256 and (optimizer in (adam, sgd) or best(test/accuracy) > 0.9)`.
 * Precedence: `not` over `and` over `or`; keywords are case-insensitive. Every field is checked
 * (known config field, run attribute or metric tag), and every value against the field's type
 * and options, so a typo is an error with its position rather than a filter that matches nothing.
 */
export function parseRunFilter(text: string): TFilterParse {
  if (text.length > MAX_FILTER_LENGTH)
    return { ok: false, error: { message: `a filter is at most ${MAX_FILTER_LENGTH} characters`, position: MAX_FILTER_LENGTH } };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  const tokens = lexed.tokens;
  let i = 0;
  let terms = 0;
  const peek = () => tokens[i]!;
  const next = () => tokens[i++]!;
  const fail = (message: string, at = peek().at): never => {
    throw new FilterSyntaxError(message, at);
  };
  const expect = (text: '(' | ')') => {
    const t = next();
    if (t.kind !== 'punct' || t.text !== text) fail(`expected "${text}" but found ${describe(t)}`, t.at);
  };

  /** `sub (word sub)*`: the items of an `and` or an `or`, or the single item alone. */
  function chain(word: 'and' | 'or', sub: () => TFilterExpr): TFilterExpr {
    const items = [sub()];
    while (isWord(peek(), word)) {
      next();
      items.push(sub());
    }
    return items.length === 1 ? items[0]! : { kind: word, items };
  }
  const andExpr = () => chain('and', unary);
  const orExpr = () => chain('or', andExpr);

  function unary(): TFilterExpr {
    const t = peek();
    if (isWord(t, 'not')) {
      next();
      return { kind: 'not', item: unary() };
    }
    if (t.kind === 'punct' && t.text === '(') {
      next();
      const inner = orExpr();
      expect(')');
      return inner;
    }
    return comparison();
  }

  function field(): TFilterField {
    const t = next();
    if (t.kind !== 'word' || KEYWORDS.has(t.text.toLowerCase())) return fail(`expected a field name but found ${describe(t)}`, t.at);
    const agg = t.text === 'best' || t.text === 'final' ? t.text : undefined;
    let name = t.text;
    if (agg && peek().kind === 'punct') {
      expect('(');
      const tag = next();
      if (tag.kind !== 'word') return fail(`expected a metric tag inside ${agg}( ) but found ${describe(tag)}`, tag.at);
      name = tag.text;
      expect(')');
    }
    const resolved = resolveField(name, agg && name !== t.text ? agg : undefined);
    return typeof resolved === 'string' ? fail(resolved, t.at) : resolved;
  }

  function value(f: TFilterField, label: string): TFilterValue {
    const t = next();
    if (f.type === 'number') {
      if (t.kind !== 'number') return fail(`${label} takes a number, not ${describe(t)}`, t.at);
      return t.value;
    }
    const v = t.kind === 'string' ? t.value : t.kind === 'word' || t.kind === 'number' ? t.text : undefined;
    if (v === undefined) return fail(`expected a value for ${label} but found ${describe(t)}`, t.at);
    if (f.options && !f.options.includes(v)) return fail(`${label} is one of ${f.options.join(', ')}; not "${v}"`, t.at);
    return v;
  }

  function comparison(): TFilterExpr {
    const start = peek().at;
    const f = field();
    const label = f.kind === 'metric' ? `${f.agg}(${f.tag})` : f.key;
    if (++terms > MAX_FILTER_TERMS) fail(`a filter has at most ${MAX_FILTER_TERMS} comparisons`, start);
    const t = next();
    const negate = isWord(t, 'not');
    if (negate || isWord(t, 'in')) {
      if (negate && !isWord(next(), 'in')) fail('expected "in" after "not"', t.at);
      expect('(');
      const values = [value(f, label)];
      while (peek().kind === 'punct' && (peek() as { text: string }).text === ',') {
        next();
        values.push(value(f, label));
      }
      expect(')');
      return { kind: 'in', field: f, negate, values };
    }
    if (t.kind !== 'op') return fail(`expected a comparison (=, !=, <, <=, >, >=, ~, in) after ${label} but found ${describe(t)}`, t.at);
    const op: TFilterOp = t.text;
    if (f.type === 'string' && op !== '=' && op !== '!=' && op !== '~') fail(`${label} is text: use =, !=, ~ or in`, t.at);
    if (f.type === 'number' && op === '~') fail(`${label} is a number: ~ (contains) is for text`, t.at);
    // `name ~ lstm` matches part of the text, so it takes any word, not only an option.
    const v = op === '~' ? value({ ...f, options: undefined } as TFilterField, label) : value(f, label);
    return { kind: 'cmp', field: f, op, value: v };
  }

  try {
    if (peek().kind === 'end') return { ok: false, error: { message: 'the filter is empty', position: 0 } };
    const expr = orExpr();
    const rest = peek();
    if (rest.kind !== 'end') fail(`expected "and", "or" or the end but found ${describe(rest)}`, rest.at);
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: { message: e.message, position: e.position } };
    throw e;
  }
}
