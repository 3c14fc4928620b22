import { CSRF_HEADER } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { csrfHeaders, readCookie } from './csrf-cookie';

describe('readCookie', () => {
  it.each([
    // Found among others, whatever the spacing.
    ['a=1; ts_csrf=abc123;b=2', 'abc123'],
    ['ts_csrf=x', 'x'],
    [' b=2 ;  ts_csrf = y ', 'y'],
    // Not a cookie whose name only contains the wanted one, nor in an empty or garbled header.
    ['xts_csrf=no; ts_csrf_old=no', undefined],
    ['', undefined],
    ['garbage', undefined],
    // Escapes decoded, a malformed value kept as it is, "=" inside a value kept.
    ['ts_csrf=a%2Bb', 'a+b'],
    ['ts_csrf=a%zz', 'a%zz'],
    ['ts_csrf=abc==', 'abc=='],
  ])('reads ts_csrf from "%s" as %s', (header, value) => {
    expect(readCookie(header, 'ts_csrf')).toBe(value);
  });
});

describe('csrfHeaders', () => {
  const cookies = 'ts_session=secret; ts_csrf=tok';

  it('echoes the CSRF cookie on writes, in any case of method', () => {
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(csrfHeaders(method, cookies)).toEqual({ [CSRF_HEADER]: 'tok' });
  });

  it('adds nothing to reads or without the cookie', () => {
    expect(csrfHeaders(undefined, cookies)).toEqual({});
    expect(csrfHeaders('GET', cookies)).toEqual({});
    expect(csrfHeaders('HEAD', cookies)).toEqual({});
    expect(csrfHeaders('POST', 'ts_session=secret')).toEqual({});
  });
});
