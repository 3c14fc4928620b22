import {
  COMPARE_COLUMNS_MEDIA_TYPE,
  CSRF_HEADER,
  decodeCompareColumns,
  encodeCompareColumns,
  type TCompareResult,
} from '@tensorscope/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGetDecoded, isUnauthenticated } from './api-client';
import { authApi } from './auth.api';
import { runApi } from './runs.api';
import { runFixture } from './run.fixture';

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
    const reads = stubFetch(200, { items: [], total: 0, page: 1, pageSize: 20 });
    await runApi.listRuns({});
    const writes = stubFetch(200, runFixture());
    await runApi.cancelRun('r1');
    const [read, write] = [reads[0], writes[0]];
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

describe('answers', () => {
  it('are parsed with the shared schemas: the data a component gets is what its type says', async () => {
    stubFetch(200, { ...runFixture(), unexpected: 'dropped' });
    const run = await runApi.getRun('r1');
    expect(run).toEqual(runFixture());
  });

  it('of another shape fail as an ApiError naming the endpoint and the field, not later in a component', async () => {
    stubFetch(200, { ...runFixture(), status: 'exploded' });
    const error = await runApi.getRun('r1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_RESPONSE');
    expect((error as ApiError).message).toBe('The API answered /api/runs/r1 in an unexpected shape (status).');
  });

  it('may be empty where the API answers 204', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(runApi.deleteRun('r1')).resolves.toBeUndefined();
  });
});

describe('binary answers', () => {
  const answer: TCompareResult = {
    series: [
      {
        runId: 'r1',
        tag: 'train/loss',
        steps: [0, 10],
        wallTimes: [1.7e12, 1.7e12 + 5],
        values: [2.3, null],
        smoothed: null,
        smoothedOn: null,
        totalPoints: 2,
        downsampled: false,
      },
    ],
    missingRuns: [],
  };
  const stubBytes = (status: number, body: BodyInit) => {
    const calls: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response(body, { status });
    });
    return calls;
  };

  it('asks for the representation and decodes it', async () => {
    const calls = stubBytes(200, encodeCompareColumns(answer));
    expect(await apiGetDecoded(decodeCompareColumns, '/api/compare?runs=r1', COMPARE_COLUMNS_MEDIA_TYPE)).toEqual(answer);
    expect((calls[0]!.headers as Record<string, string>).accept).toBe(COMPARE_COLUMNS_MEDIA_TYPE);
  });

  it('turns a malformed answer into INVALID_RESPONSE and still reads JSON errors', async () => {
    stubBytes(200, 'not columns');
    const bad = await apiGetDecoded(decodeCompareColumns, '/api/compare?runs=r1', COMPARE_COLUMNS_MEDIA_TYPE).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('INVALID_RESPONSE');

    stubBytes(400, JSON.stringify({ code: 'VALIDATION_FAILED', message: 'runs: give at least one' }));
    const refused = await apiGetDecoded(decodeCompareColumns, '/api/compare?', COMPARE_COLUMNS_MEDIA_TYPE).catch((e: unknown) => e);
    expect((refused as ApiError).code).toBe('VALIDATION_FAILED');
  });
});
