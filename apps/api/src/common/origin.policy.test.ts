import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin.policy';

const env = { CORS_ORIGINS: '', WEB_PORT: 3000 };

describe('isAllowedOrigin', () => {
  it('allows the dashboard on the same host and port, by any host name the API is reached at', () => {
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:4000', env)).toBe(true);
    expect(isAllowedOrigin('http://192.168.1.7:3000', '192.168.1.7:4000', env)).toBe(true);
    expect(isAllowedOrigin(undefined, 'localhost:4000', env)).toBe(true);
  });

  it('refuses other sites, other ports and junk', () => {
    expect(isAllowedOrigin('http://evil.example:3000', 'localhost:4000', env)).toBe(false);
    expect(isAllowedOrigin('http://localhost:5000', 'localhost:4000', env)).toBe(false);
    expect(isAllowedOrigin('null', 'localhost:4000', env)).toBe(false);
    expect(isAllowedOrigin('file://x', 'localhost:4000', env)).toBe(false);
  });

  it('uses the explicit list when CORS_ORIGINS is set', () => {
    const listed = { CORS_ORIGINS: 'https://lab.example.org, http://localhost:3000/', WEB_PORT: 3000 };
    expect(isAllowedOrigin('https://lab.example.org', 'api.example.org', listed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:4000', listed)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:3000', '127.0.0.1:4000', listed)).toBe(false);
  });
});
