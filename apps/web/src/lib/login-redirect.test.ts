import { describe, expect, it } from 'vitest';
import { isLoginPath, loginHref, safeNextPath } from './login-redirect';

describe('safeNextPath', () => {
  it.each([
    // Paths of this app keep their query and hash.
    ['/runs/abc', '/runs/abc'],
    ['/runs/abc?tab=layers#top', '/runs/abc?tab=layers#top'],
    ['/compare?runs=a,b&tags=test/accuracy', '/compare?runs=a,b&tags=test/accuracy'],
    ['/', '/'],
    // Dot segments are normalised without leaving the app; the sign-in page is never where it leads.
    ['/runs/../sweeps', '/sweeps'],
    ['/../../etc', '/etc'],
    ['/login', '/'],
    ['/login?next=/runs', '/'],
  ])('leads %s to %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('refuses anything that could leave the app (open redirect)', () => {
    for (const hostile of [
      '//evil.example',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'http:evil.example',
      'javascript:alert(1)',
      'evil.example',
      ' /runs',
      '/\t/evil.example',
      '/\n/evil.example',
      '',
    ]) {
      expect(safeNextPath(hostile), hostile).toBe('/');
    }
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });
});

describe('loginHref', () => {
  it('carries the current page in ?next=, encoded', () => {
    expect(loginHref('/runs/abc?tab=layers')).toBe('/login?next=%2Fruns%2Fabc%3Ftab%3Dlayers');
    expect(safeNextPath(decodeURIComponent(loginHref('/sweeps/1').split('next=')[1]!))).toBe('/sweeps/1');
  });

  it('leaves out a next that would only lead home or back to sign-in', () => {
    expect(loginHref('/')).toBe('/login');
    expect(loginHref('/login?next=%2Fruns')).toBe('/login');
    expect(loginHref('//evil.example')).toBe('/login');
  });
});

describe('isLoginPath', () => {
  it('matches the sign-in page only', () => {
    expect(isLoginPath('/login')).toBe(true);
    expect(isLoginPath('/login/')).toBe(true);
    expect(isLoginPath('/loginx')).toBe(false);
    expect(isLoginPath('/')).toBe(false);
  });
});
