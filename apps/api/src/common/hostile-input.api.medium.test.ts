import type { NestExpressApplication } from '@nestjs/platform-express';
import { ZApiError, ZFieldErrors, type TApiError, type TRun } from '@tensorscope/shared';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, tokenFor } from '../../test/api.harness';
import { HostileRequestGenerator, percentEncode, type THostileRequest } from '../../test/hostile-request.generator';

/*
 * Issue #9/#17: hostile input gets a clear 4xx with `{code, message, details?}` and changes
 * nothing. The real app on a real Postgres; AppModule has no worker, so the two runs created
 * below stay queued and nothing trains. Rejected requests are checked against the whole database:
 * row counts of every table, the contents of the run, sweep and visualization rows, pg-boss jobs.
 */

const UNSAFE = 'must not contain NUL characters or unpaired UTF-16 surrogates';
const FUZZ_SEED = 20_251_217;
const FUZZ_REQUESTS = 1_200;

interface TAnswer {
  status: number;
  text: string;
  json: unknown;
}

type TDatabaseState = Record<string, string>;

/** Counts of every table, digests of the small ones a request could alter, pg-boss's jobs. */
async function databaseState(db: Client): Promise<TDatabaseState> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const state: TDatabaseState = {};
  for (const table of tables) state[table] = (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`)).rows[0]!.n;
  // Runs another test file left running may be failed by the lease reaper meanwhile; they are
  // not reachable by these requests, and a queued run of ours that started would leave this set.
  const digests: [string, string][] = [
    ['Run', `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS d FROM "Run" t WHERE status <> 'running'`],
    ['Sweep', `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS d FROM "Sweep" t`],
    ['Visualization', `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS d FROM "Visualization" t`],
  ];
  for (const [table, sql] of digests) if (tables.includes(table)) state[`${table} rows`] = (await db.query<{ d: string }>(sql)).rows[0]!.d;
  const boss = (await db.query<{ job: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS job`)).rows[0]!;
  state['pgboss.job'] = boss.job ? (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM pgboss.job')).rows[0]!.n : 'no table';
  return state;
}

/** What is wrong with an answer to a request that must be refused; undefined if nothing. */
function refusalProblem(answer: TAnswer): string | undefined {
  if (answer.status < 400 || answer.status >= 500) return `status ${answer.status}: ${answer.text.slice(0, 300)}`;
  const shape = ZApiError.safeParse(answer.json);
  if (!shape.success) return `status ${answer.status} without the error shape: ${answer.text.slice(0, 300)}`;
  if (shape.data.code === 'VALIDATION_FAILED') {
    const details = ZFieldErrors.safeParse(shape.data.details);
    if (!details.success || details.data.length === 0) return `VALIDATION_FAILED without field details: ${answer.text.slice(0, 300)}`;
  }
  return undefined;
}

describe('hostile input', () => {
  let app: NestExpressApplication;
  let base: string;
  let db: Client;
  let before: TDatabaseState;
  const targets = { lenetRunId: '', lstmRunId: '' };
  /** The test admin's API token: hostile input must be refused for what it is, not for lacking a sign-in. */
  let token = '';

  async function send(request: Omit<THostileRequest, 'why'>): Promise<TAnswer> {
    const res = await fetch(base + request.url, {
      method: request.method,
      headers: { authorization: `Bearer ${token}`, ...(request.contentType ? { 'content-type': request.contentType } : {}) },
      body: request.body,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }

  const postJson = (url: string, text: string) => send({ method: 'POST', url, contentType: 'application/json', body: text });
  const get = (url: string) => send({ method: 'GET', url });

  /** A 400 VALIDATION_FAILED whose details are exactly these. */
  function expectFieldErrors(answer: TAnswer, details: { path: string; message: string }[]): void {
    expect(refusalProblem(answer)).toBeUndefined();
    expect(answer.status).toBe(400);
    expect((answer.json as TApiError).code).toBe('VALIDATION_FAILED');
    expect((answer.json as TApiError).details).toEqual(details);
  }

  async function expectDatabaseUnchanged(): Promise<void> {
    expect(await databaseState(db)).toEqual(before);
  }

  beforeAll(async () => {
    let databaseUrl: string;
    ({ app, base, databaseUrl } = await startTestApi());
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    // Signing in writes a session and a token row: done before the baseline is taken.
    token = await tokenFor(base);
    // Rows for requests to reach past "not found"; created before the baseline is taken.
    const lenet = await postJson(
      '/api/runs',
      JSON.stringify({ name: 'hostile-target-lenet', model: 'lenet5', variant: 'mnist', epochs: 1, trainSubset: 64 }),
    );
    const lstm = await postJson('/api/runs', JSON.stringify({ name: 'hostile-target-lstm', model: 'lstm', epochs: 1, trainSubset: 64 }));
    expect([lenet.status, lstm.status]).toEqual([201, 201]);
    targets.lenetRunId = (lenet.json as TRun).id;
    targets.lstmRunId = (lstm.json as TRun).id;
    before = await databaseState(db);
  });

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  describe('strings Postgres cannot store', () => {
    it('POST /api/runs with a lone surrogate in the name: 400 naming the field (was a 500 from Prisma)', async () => {
      // Sent as a JSON escape: a lone surrogate has no UTF-8 form of its own.
      const answer = await postJson('/api/runs', '{"name":"\\ud800","model":"lstm"}');
      expectFieldErrors(answer, [{ path: 'name', message: `name ${UNSAFE}` }]);
      await expectDatabaseUnchanged();
    });

    it('POST /api/runs with a NUL in the name ("a\\u0000b"): 400 naming the field (was a 500 from Postgres)', async () => {
      const answer = await postJson('/api/runs', JSON.stringify({ name: 'a\u0000b', model: 'lstm' }));
      expectFieldErrors(answer, [{ path: 'name', message: `name ${UNSAFE}` }]);
      await expectDatabaseUnchanged();
    });

    it('GET /api/runs?name=%00: 400 naming the filter (was a 500 from Postgres)', async () => {
      expectFieldErrors(await get('/api/runs?name=%00'), [{ path: 'name', message: `name ${UNSAFE}` }]);
      await expectDatabaseUnchanged();
    });

    it.each([
      [
        'sweep name',
        () =>
          postJson('/api/sweeps', JSON.stringify({ name: 'a\u0000', base: { model: 'lstm' }, axes: [{ field: 'seed', values: [1, 2] }] })),
        'name',
        `name ${UNSAFE}`,
      ],
      [
        'sweep base value',
        () =>
          postJson('/api/sweeps', '{"name":"s","base":{"model":"lstm","optimizer":"\\udc00"},"axes":[{"field":"seed","values":[1,2]}]}'),
        'base.optimizer',
        `optimizer ${UNSAFE}`,
      ],
      [
        'sweep axis value',
        () => postJson('/api/sweeps', '{"name":"s","base":{"model":"lstm"},"axes":[{"field":"optimizer","values":["adam","\\ud800"]}]}'),
        'axes.0.values.1',
        `values ${UNSAFE}`,
      ],
      [
        'visualization layer',
        () => postJson(`/api/runs/${targets.lenetRunId}/visualizations`, JSON.stringify({ kind: 'top9', layer: 'conv\u0000' })),
        'layer',
        `layer ${UNSAFE}`,
      ],
      ['scalar tag', () => get(`/api/runs/${targets.lenetRunId}/scalars?tag=train%2F%00`), 'tag', `tag ${UNSAFE}`],
      ['histogram tag', () => get(`/api/runs/${targets.lenetRunId}/histograms?tag=%00`), 'tag', `tag ${UNSAFE}`],
      ['series export tag', () => get(`/api/runs/${targets.lenetRunId}/scalars/export?tag=%00`), 'tag', `tag ${UNSAFE}`],
      ['compare run ids', () => get(`/api/compare?runs=${targets.lenetRunId}%00&tags=train/loss`), 'runs', `runs ${UNSAFE}`],
      ['export tags', () => get(`/api/export?runs=${targets.lenetRunId}&tags=train/loss,%00`), 'tags', `tags ${UNSAFE}`],
      ['run list sweepId', () => get('/api/runs?sweepId=%00'), 'sweepId', `sweepId ${UNSAFE}`],
      ['run id path parameter', () => get('/api/runs/%00'), 'id', `id ${UNSAFE}`],
      [
        'snapshot layer path parameter',
        () => get(`/api/runs/${targets.lenetRunId}/snapshots/0/filters/conv1%00.png`),
        'layer',
        `layer ${UNSAFE}`,
      ],
    ])('%s: 400 naming the field', async (_what, request, path, message) => {
      expectFieldErrors(await request(), [{ path, message }]);
      await expectDatabaseUnchanged();
    });

    it('a path parameter that is not UTF-8 at all (a lone surrogate\u2019s bytes): 400 with the error shape', async () => {
      const answer = await get(`/api/runs/${percentEncode('\uD800')}/tags`);
      expect(refusalProblem(answer)).toBeUndefined();
      expect(answer.status).toBe(400);
      await expectDatabaseUnchanged();
    });

    it('steps beyond what the int4 step columns hold: 400 naming the parameter (were a 500 from Prisma)', async () => {
      expectFieldErrors(await get(`/api/runs/${targets.lenetRunId}/scalars?tag=train/loss&afterStep=2147483648`), [
        { path: 'afterStep', message: 'afterStep must be at most 2147483647' },
      ]);
      expectFieldErrors(await get(`/api/runs/${targets.lenetRunId}/snapshots/99999999999/model.json`), [
        { path: 'step', message: 'step must be at most 2147483647' },
      ]);
      await expectDatabaseUnchanged();
    });
  });

  describe('unknown and inapplicable fields', () => {
    it.each(['learning_rate', '$where', 'unknownField', 'constructor', '__proto__', 'hidden_size'])(
      'POST /api/runs with "%s": 400 naming it (was a 201 that trained)',
      async (key) => {
        // Written as text so that __proto__ arrives as JSON.parse delivers it: an own key.
        const answer = await postJson('/api/runs', `{"name":"hostile","model":"lstm","epochs":1,${JSON.stringify(key)}:0.1}`);
        expectFieldErrors(answer, [{ path: key, message: `unknown field "${key}"` }]);
        await expectDatabaseUnchanged();
      },
    );

    it('POST /api/runs lstm with variant (a LeNet-5 field): 400 saying it does not apply', async () => {
      const answer = await postJson('/api/runs', JSON.stringify({ name: 'hostile', model: 'lstm', variant: 'mnist' }));
      expectFieldErrors(answer, [{ path: 'variant', message: '"variant" does not apply to model lstm' }]);
      await expectDatabaseUnchanged();
    });

    it('POST /api/sweeps with an unknown base field: 400 naming it', async () => {
      const answer = await postJson(
        '/api/sweeps',
        JSON.stringify({ name: 's', base: { model: 'lstm', learning_rate: 0.1 }, axes: [{ field: 'seed', values: [1, 2] }] }),
      );
      expectFieldErrors(answer, [{ path: 'base.learning_rate', message: 'unknown field "learning_rate"' }]);
      await expectDatabaseUnchanged();
    });

    it('POST a visualization with an unknown field: 400 naming it, before any lookup', async () => {
      const answer = await postJson(
        `/api/runs/${targets.lenetRunId}/visualizations`,
        JSON.stringify({ kind: 'top9', layer: 'conv1', priority: 'high' }),
      );
      expectFieldErrors(answer, [{ path: 'priority', message: 'unknown field "priority"' }]);
      await expectDatabaseUnchanged();
    });

    it('GET with an unknown query parameter: 400 naming it (a misspelt filter no longer lists everything)', async () => {
      expectFieldErrors(await get('/api/runs?stauts=running'), [{ path: 'stauts', message: 'unknown field "stauts"' }]);
      expectFieldErrors(await get(`/api/compare?runs=${targets.lenetRunId}&tags=train/loss&__proto__=1`), [
        { path: '__proto__', message: 'unknown field "__proto__"' },
      ]);
      await expectDatabaseUnchanged();
    });
  });

  it('messages stay in one style: zod\u2019s defaults come out as "<field> must …"', async () => {
    const answer = await postJson('/api/runs', JSON.stringify({ name: 'x', model: 'lstm', batchSize: 0, optimizer: 'ADAM', epochs: '1' }));
    expectFieldErrors(answer, [
      { path: 'optimizer', message: 'optimizer must be one of adam, sgd, momentum' },
      { path: 'batchSize', message: 'batchSize must be at least 1' },
      { path: 'epochs', message: 'epochs must be a number' },
    ]);
    expectFieldErrors(await postJson('/api/runs', '[]'), [{ path: '(root)', message: 'request body must be a JSON object' }]);
    await expectDatabaseUnchanged();
  });

  describe('bodies', () => {
    it('a body over 1 MB: 413 with the error shape', async () => {
      const answer = await postJson('/api/runs', JSON.stringify({ name: 'x'.repeat(1024 * 1024), model: 'lstm' }));
      expect(refusalProblem(answer)).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(answer.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'request body must be at most 1048576 bytes (1 MB)' });
      await expectDatabaseUnchanged();
    });

    it('the limit is 1 MB, not body-parser\u2019s implicit 100 kB: a 500 kB body reaches validation', async () => {
      const answer = await postJson('/api/runs', JSON.stringify({ name: 'x'.repeat(500_000), model: 'lstm' }));
      expectFieldErrors(answer, [{ path: 'name', message: 'name must be at most 120 characters' }]);
      await expectDatabaseUnchanged();
    });

    it('a form post (urlencoded) is a 415, not a run', async () => {
      const answer = await send({
        method: 'POST',
        url: '/api/runs',
        contentType: 'application/x-www-form-urlencoded',
        body: 'name=form&model=lstm',
      });
      expect(refusalProblem(answer)).toBeUndefined();
      expect(answer.status).toBe(415);
      expect((answer.json as TApiError).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      await expectDatabaseUnchanged();
    });

    it('invalid JSON: 400 with the error shape', async () => {
      const answer = await postJson('/api/runs', '{"name":"x",');
      expect(refusalProblem(answer)).toBeUndefined();
      expect(answer.status).toBe(400);
      expect((answer.json as TApiError).message).toMatch(/^request body is not valid JSON/);
      await expectDatabaseUnchanged();
    });
  });

  it(`fuzz: ${FUZZ_REQUESTS} generated hostile requests (seed ${FUZZ_SEED}) all get a 4xx with the error shape and change nothing`, async () => {
    const generator = new HostileRequestGenerator(FUZZ_SEED, targets);
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    for (let i = 0; i < FUZZ_REQUESTS; i++) {
      const request = generator.next();
      const answer = await send(request);
      const code = (answer.json as Partial<TApiError> | undefined)?.code ?? '(no code)';
      statuses.set(`${answer.status} ${code}`, (statuses.get(`${answer.status} ${code}`) ?? 0) + 1);
      const problem = refusalProblem(answer);
      if (problem) failures.push(`#${i} ${request.method} ${request.url.slice(0, 160)} [${request.why}] → ${problem}`);
    }
    const tally = [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`);
    console.info(`hostile fuzz, ${FUZZ_REQUESTS} requests:\n  ${tally.join('\n  ')}`);
    expect(failures.slice(0, 40)).toEqual([]);
    // Every request must reach the route: refused at an auth guard, the fuzz would test nothing.
    expect([...statuses.keys()].filter((k) => k.startsWith('401') || k.startsWith('403'))).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(FUZZ_REQUESTS);
    await expectDatabaseUnchanged();
  });

  it('nothing trained: both runs are still queued', async () => {
    for (const id of [targets.lenetRunId, targets.lstmRunId]) {
      const answer = await get(`/api/runs/${id}`);
      expect((answer.json as TRun).status).toBe('queued');
    }
    await expectDatabaseUnchanged();
  });
});
