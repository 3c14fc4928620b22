import { CSRF_HEADER } from '@tensorscope/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, authApi, isUnauthenticated } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Records the fetches made and answers each with `status` and `body`. */
function stubFetch(status = 200, body: unknown = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('request', () => {
  it('sends the session cookie with every request and echoes the CSRF cookie on writes only', async () => {
    vi.stubGlobal('document', { cookie: 'ts_session=s; ts_csrf=tok' });
    const calls = stubFetch(200, { items: [], total: 0, page: 1, pageSize: 20 });
    await api.listRuns({});
    await api.cancelRun('r1');
    const [read, write] = calls;
    expect(read!.init.credentials).toBe('include');
    expect(write!.init.credentials).toBe('include');
    expect((read!.init.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
    expect((write!.init.headers as Record<string, string>)[CSRF_HEADER]).toBe('tok');
    expect(write!.init.method).toBe('POST');
  });

  it('turns a 401 UNAUTHENTICATED into an error the providers redirect on, and a wrong password into one they do not', async () => {
    stubFetch(401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    const signedOut = await authApi.me().catch((e: unknown) => e);
    expect(signedOut).toBeInstanceOf(ApiError);
    expect(isUnauthenticated(signedOut)).toBe(true);

    stubFetch(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
    const wrong = await authApi.login({ email: 'a@example.com', password: 'x' }).catch((e: unknown) => e);
    expect(isUnauthenticated(wrong)).toBe(false);
    expect((wrong as ApiError).message).toBe('Wrong email or password.');
  });

  it('does not take a 403 for a missing session', () => {
    expect(isUnauthenticated(new ApiError(403, 'FORBIDDEN', 'no'))).toBe(false);
    expect(isUnauthenticated(new Error('x'))).toBe(false);
  });
});
