import { describe, expect, it } from 'vitest';
import { isLoginPath, loginHref, safeNextPath } from './login-redirect';

describe('safeNextPath', () => {
  it('keeps paths of this app, with their query and hash', () => {
    expect(safeNextPath('/runs/abc')).toBe('/runs/abc');
    expect(safeNextPath('/runs/abc?tab=layers#top')).toBe('/runs/abc?tab=layers#top');
    expect(safeNextPath('/compare?runs=a,b&tags=test/accuracy')).toBe('/compare?runs=a,b&tags=test/accuracy');
    expect(safeNextPath('/')).toBe('/');
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

  it('normalises dot segments without leaving the app, and never returns to the sign-in page', () => {
    expect(safeNextPath('/runs/../sweeps')).toBe('/sweeps');
    expect(safeNextPath('/../../etc')).toBe('/etc');
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath('/login?next=/runs')).toBe('/');
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
