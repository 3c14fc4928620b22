import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicEnv, serverEnv } from './env';

afterEach(() => vi.unstubAllEnvs());

describe('publicEnv', () => {
  it('trims trailing slashes from the build-time API URL', () => {
    vi.stubEnv('NEXT_PUBLIC_API_URL', 'http://api.test:4100//');
    expect(publicEnv().NEXT_PUBLIC_API_URL).toBe('http://api.test:4100');
  });

  it('treats an empty value as unset', () => {
    vi.stubEnv('NEXT_PUBLIC_API_URL', '');
    expect(publicEnv().NEXT_PUBLIC_API_URL).toBeUndefined();
  });

  it('refuses a value that is not an http(s) URL, naming the variable', () => {
    vi.stubEnv('NEXT_PUBLIC_API_URL', 'localhost:4000');
    expect(() => publicEnv()).toThrow(/NEXT_PUBLIC_API_URL/);
  });
});

describe('serverEnv', () => {
  it('defaults the API port to 4000 when unset or empty', () => {
    vi.stubEnv('API_PORT', '');
    vi.stubEnv('API_PUBLIC_URL', '');
    expect(serverEnv()).toEqual({ API_PORT: 4000, API_PUBLIC_URL: undefined });
  });

  it('reads the port and the public URL', () => {
    vi.stubEnv('API_PORT', '4321');
    vi.stubEnv('API_PUBLIC_URL', 'https://tensorscope.example/');
    expect(serverEnv()).toEqual({ API_PORT: 4321, API_PUBLIC_URL: 'https://tensorscope.example' });
  });

  it('refuses a port that is not one', () => {
    vi.stubEnv('API_PORT', 'http');
    expect(() => serverEnv()).toThrow(/API_PORT/);
    vi.stubEnv('API_PORT', '70000');
    expect(() => serverEnv()).toThrow(/API_PORT/);
  });
});
