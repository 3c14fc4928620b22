import { CSRF_HEADER } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { csrfHeaders, readCookie } from './csrf-cookie';

describe('readCookie', () => {
  it('finds a cookie among others, whatever the spacing', () => {
    expect(readCookie('a=1; ts_csrf=abc123;b=2', 'ts_csrf')).toBe('abc123');
    expect(readCookie('ts_csrf=x', 'ts_csrf')).toBe('x');
    expect(readCookie(' b=2 ;  ts_csrf = y ', 'ts_csrf')).toBe('y');
  });

  it('does not match a cookie whose name only contains the wanted one', () => {
    expect(readCookie('xts_csrf=no; ts_csrf_old=no', 'ts_csrf')).toBeUndefined();
    expect(readCookie('', 'ts_csrf')).toBeUndefined();
    expect(readCookie('garbage', 'ts_csrf')).toBeUndefined();
  });

  it('decodes escapes, keeps a malformed value as it is, and keeps "=" inside values', () => {
    expect(readCookie('ts_csrf=a%2Bb', 'ts_csrf')).toBe('a+b');
    expect(readCookie('ts_csrf=a%zz', 'ts_csrf')).toBe('a%zz');
    expect(readCookie('ts_csrf=abc==', 'ts_csrf')).toBe('abc==');
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
