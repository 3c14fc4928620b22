import { describe, expect, it } from 'vitest';
import { isSafeText, safeText } from './safe-text.schema';
import { toFieldErrors } from './zod-errors';

describe('safe text', () => {
  it('accepts ordinary text, including characters outside the BMP (paired surrogates)', () => {
    for (const text of ['', 'lstm-128', 'Ünïcödé 中文', 'emoji 🧪 run', '🧪', 'x'.repeat(1000)]) expect(isSafeText(text)).toBe(true);
  });

  it('refuses NUL and every kind of unpaired surrogate', () => {
    const bad = [
      '\u0000',
      'a\u0000b',
      '\uD800',
      'a\uD800',
      '\uD800b',
      '\uDC00',
      'a\uDFFFb',
      '\uDC00\uD800',
      '🧪'.slice(0, 1),
      '🧪'.slice(1),
    ];
    for (const text of bad) expect({ text, safe: isSafeText(text) }).toEqual({ text, safe: false });
  });

  it('answers one "<field> must …" message per problem, before any pattern check', () => {
    const tag = safeText('tag').regex(/^[a-z]+$/, 'tag must be lowercase letters');
    const nul = tag.safeParse('ab\u0000c');
    expect(toFieldErrors(nul.error!)).toEqual([
      { path: '(root)', message: 'tag must not contain NUL characters or unpaired UTF-16 surrogates' },
    ]);
    expect(toFieldErrors(tag.safeParse(42).error!)).toEqual([{ path: '(root)', message: 'tag must be a string' }]);
    expect(toFieldErrors(tag.safeParse('AB').error!)).toEqual([{ path: '(root)', message: 'tag must be lowercase letters' }]);
    expect(tag.parse('ab')).toBe('ab');
  });
});
