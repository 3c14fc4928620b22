import type { TFilterError } from './run-filter.types';

export type TToken =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'op'; text: '=' | '!=' | '<' | '<=' | '>' | '>=' | '~'; at: number }
  | { kind: 'punct'; text: '(' | ')' | ','; at: number }
  | { kind: 'end'; at: number };

/** Bare words: field names, metric tags (`test/accuracy`), enum values (`cifar-gray28`), keywords. */
const WORD = /[A-Za-z_][A-Za-z0-9_./-]*/y;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const OPS = ['<=', '>=', '!=', '=', '<', '>', '~'] as const;

/** Splits filter text into tokens, or says where it stops making sense. */
export function tokenize(text: string): { ok: true; tokens: TToken[] } | { ok: false; error: TFilterError } {
  const tokens: TToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, at: i++ });
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    // `-3` after an operator is a number; a bare `-` is not an operator here.
    if (op) {
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return { ok: false, error: { message: `unclosed ${c} quote`, position: i } };
      tokens.push({ kind: 'string', value: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && !/[A-Za-z_]/.test(text[i + number[0].length] ?? '')) {
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    return { ok: false, error: { message: `unexpected character "${c}"`, position: i } };
  }
  tokens.push({ kind: 'end', at: text.length });
  return { ok: true, tokens };
}
