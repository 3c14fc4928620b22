import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TApiError, TRun, TRunList, TTokenCreated, TUser, TWhoAmI } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, listen, signIn, tokenFor, userToken, useTestDatabase } from '../../test/api.harness';
import { PrismaService } from '../prisma/prisma.service';
import { ScalarStore } from '../scalars/scalar.store';

// Accounts, roles, sessions, tokens and sockets against the real app and Postgres (no worker: runs stay queued).
describe('accounts and roles', () => {
  let app: NestExpressApplication;
  let base: string;
  const tag = randomUUID().slice(0, 8);
  const run = (name: string) => ({ name: `${tag}-${name}`, model: 'lenet5', variant: 'mnist', trainSubset: 100, evalSubset: 100 });
  const users = {
    viewer: { email: `viewer-${tag}@test.local`, password: 'viewer-password-1' },
    launcher: { email: `launcher-${tag}@test.local`, password: 'launcher-password-1' },
    other: { email: `other-${tag}@test.local`, password: 'other-launcher-pw' },
  };
  const tokens: Record<keyof typeof users, string> = { viewer: '', launcher: '', other: '' };

  beforeAll(async () => {
    useTestDatabase({ WEB_PORT: '3999' });
    const { createApiApp } = await import('../api.factory');
    app = await createApiApp(['error', 'warn']);
    base = await listen(app);
    for (const [role, who] of Object.entries(users) as Array<[keyof typeof users, { email: string; password: string }]>) {
      tokens[role] = await userToken(base, who, role === 'viewer' ? 'viewer' : 'launcher');
      expect(tokens[role]).toMatch(/^tsk_/);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 401 to anonymous requests, except health and sign-in', async () => {
    for (const [method, path] of [
      ['GET', '/api/runs'],
      ['POST', '/api/runs'],
      ['GET', '/api/tokens'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/users'],
      ['GET', '/api/compare?runs=x&tags=y'],
      ['DELETE', `/api/runs/${randomUUID()}`],
    ]) {
      const res = await http<TApiError>(base, path!, { method, token: null, ...(method === 'POST' ? { body: run('anon') } : {}) });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 401, code: 'UNAUTHENTICATED' });
    }
    expect((await http(base, '/api/health', { token: null })).status).toBe(200);
    expect((await http(base, '/api/runs', { token: 'tsk_not-a-real-token' })).status).toBe(401);
  });

  it('signs in with a session cookie (HTTP-only) and a CSRF cookie; wrong passwords get one message', async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(users.viewer),
    });
    expect(res.status).toBe(200);
    const setCookies = res.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('ts_session='))).toMatch(/HttpOnly/i);
    expect(setCookies.find((c) => c.startsWith('ts_csrf='))).not.toMatch(/HttpOnly/i);
    expect(((await res.json()) as TWhoAmI).user).toMatchObject({ email: users.viewer.email, role: 'viewer' });

    const wrong = await http<TApiError>(base, '/api/auth/login', { body: { ...users.viewer, password: 'wrong-password' }, token: null });
    const unknown = await http<TApiError>(base, '/api/auth/login', {
      body: { email: `nobody-${tag}@test.local`, password: 'whatever-pw' },
      token: null,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const bad = await http<TApiError>(base, '/api/auth/login', { body: { email: 'not an email', password: '', extra: 1 }, token: null });
    expect(bad.status).toBe(400);
    expect((bad.body.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(['email', 'extra', 'password']);
  });

  it('throttles sign-in after 5 failures for an email, even with the right password then', async () => {
    const victim = { email: `throttled-${tag}@test.local`, password: 'throttled-password' };
    expect((await http(base, '/api/users', { body: { ...victim, role: 'viewer' } })).status).toBe(201);
    for (let i = 0; i < 5; i++)
      expect((await http(base, '/api/auth/login', { body: { ...victim, password: `guess-${i}` }, token: null })).status).toBe(401);
    const blocked = await http<TApiError>(base, '/api/auth/login', { body: victim, token: null });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect((blocked.body.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('viewer: reads everything, changes nothing', async () => {
    const t = tokens.viewer;
    const adminRun = await http<TRun>(base, '/api/runs', { body: run('admins') });
    expect((await http<TRunList>(base, '/api/runs', { token: t })).status).toBe(200);
    expect((await http(base, `/api/runs/${adminRun.body.id}`, { token: t })).status).toBe(200);
    const tries: Array<[string, string, unknown]> = [
      ['POST', '/api/runs', run('viewer')],
      ['POST', '/api/sweeps', { name: 'x', base: run('s'), axes: [{ field: 'seed', values: [1, 2] }] }],
      ['POST', `/api/runs/${adminRun.body.id}/cancel`, undefined],
      ['POST', `/api/runs/${adminRun.body.id}/visualizations`, { kind: 'top9', layer: 'conv1' }],
      ['PATCH', `/api/runs/${adminRun.body.id}`, { archived: true }],
      ['DELETE', `/api/runs/${adminRun.body.id}`, undefined],
      ['GET', '/api/users', undefined],
    ];
    for (const [method, path, body] of tries) {
      const res = await http<TApiError>(base, path, { method, token: t, ...(body !== undefined ? { body } : {}) });
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({ method, path, status: 403, code: 'FORBIDDEN' });
    }
    expect((await http<TRun>(base, `/api/runs/${adminRun.body.id}`)).body.status).toBe('queued');
  });

  it('launcher: launches, cancels, archives and deletes their own runs only', async () => {
    const t = tokens.launcher;
    const mine = await http<TRun>(base, '/api/runs', { body: run('mine'), token: t });
    expect(mine.status).toBe(201);
    const me = (await http<TWhoAmI>(base, '/api/auth/me', { token: t })).body.user;
    expect(mine.body.ownerId).toBe(me.id);
    const theirs = await http<TRun>(base, '/api/runs', { body: run('theirs'), token: tokens.other });

    expect((await http<TApiError>(base, `/api/runs/${theirs.body.id}/cancel`, { method: 'POST', token: t })).body.code).toBe('FORBIDDEN');
    expect(
      (await http<TApiError>(base, `/api/runs/${theirs.body.id}`, { method: 'PATCH', body: { archived: true }, token: t })).status,
    ).toBe(403);
    expect((await http(base, '/api/users', { token: t })).status).toBe(403);

    // A queued run must be cancelled before it can be deleted.
    expect((await http<TApiError>(base, `/api/runs/${mine.body.id}`, { method: 'DELETE', token: t })).status).toBe(409);
    expect((await http<TRun>(base, `/api/runs/${mine.body.id}/cancel`, { method: 'POST', token: t })).body.status).toBe('cancelled');

    const archived = await http<TRun>(base, `/api/runs/${mine.body.id}`, { method: 'PATCH', body: { archived: true }, token: t });
    expect(archived.body.archivedAt).not.toBeNull();
    const listed = (q: string) => http<TRunList>(base, `/api/runs?name=${tag}-mine${q}`).then((r) => r.body.items.map((i) => i.id));
    expect(await listed('')).toEqual([]);
    expect(await listed('&archived=only')).toEqual([mine.body.id]);
    expect(await listed('&archived=include')).toEqual([mine.body.id]);

    // Delete removes the run and what it stored, in one statement.
    await app.get(ScalarStore).append(mine.body.id, [{ tag: 'train/loss', step: 1, wallTime: Date.now(), value: 1 }]);
    const prisma = app.get(PrismaService).client;
    expect(await prisma.scalarPoint.count({ where: { runId: mine.body.id } })).toBe(1);
    const deleted = await fetch(`${base}/api/runs/${mine.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${t}` } });
    expect(deleted.status).toBe(204);
    expect((await http(base, `/api/runs/${mine.body.id}`)).status).toBe(404);
    expect(await prisma.scalarPoint.count({ where: { runId: mine.body.id } })).toBe(0);
    expect(await prisma.scalarRollup.count({ where: { runId: mine.body.id } })).toBe(0);

    // The admin may manage anyone's run.
    expect((await http<TRun>(base, `/api/runs/${theirs.body.id}/cancel`, { method: 'POST' })).body.status).toBe('cancelled');
  });

  it('cookie-authenticated writes need the CSRF header; token writes do not', async () => {
    const { cookie, csrf } = await signIn(base, users.launcher);
    const without = await http<TApiError>(base, '/api/runs', { body: run('csrf'), token: null, headers: { cookie } });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('CSRF_FAILED');
    const wrong = await http<TApiError>(base, '/api/runs', {
      body: run('csrf'),
      token: null,
      headers: { cookie, 'x-csrf-token': csrf.slice(1) },
    });
    expect(wrong.body.code).toBe('CSRF_FAILED');
    expect((await http(base, '/api/runs', { body: run('csrf'), token: null, headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(201);
    expect((await http(base, '/api/runs', { token: null, headers: { cookie } })).status).toBe(200);
    // Signed out (as a browser does it: a POST with no body, Content-Length 0, no content type): the cookie is dead.
    const out = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    expect((await http(base, '/api/runs', { token: null, headers: { cookie } })).status).toBe(401);
  });

  it('a revoked token and a disabled user stop working at once', async () => {
    const { cookie, csrf } = await signIn(base, users.other);
    const extra = await http<TTokenCreated>(base, '/api/tokens', {
      body: { name: 'to revoke' },
      token: null,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect((await http(base, '/api/runs', { token: extra.body.token })).status).toBe(200);
    const list = await http<{ items: Array<{ id: string; prefix: string }> }>(base, '/api/tokens', { token: extra.body.token });
    expect(list.body.items.map((i) => i.id)).toContain(extra.body.id);
    expect(JSON.stringify(list.body)).not.toContain(extra.body.token);
    const revoked = await http<{ revokedAt: string | null }>(base, `/api/tokens/${extra.body.id}`, {
      method: 'DELETE',
      token: tokens.other,
    });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await http(base, '/api/runs', { token: extra.body.token })).status).toBe(401);
    // Someone else's token id is simply not found.
    expect((await http(base, `/api/tokens/${extra.body.id}`, { method: 'DELETE', token: tokens.viewer })).status).toBe(404);

    const otherId = (await http<TWhoAmI>(base, '/api/auth/me', { token: tokens.other })).body.user.id;
    expect((await http<TUser>(base, `/api/users/${otherId}`, { method: 'PATCH', body: { disabled: true } })).body.disabled).toBe(true);
    expect((await http(base, '/api/runs', { token: tokens.other })).status).toBe(401);
    expect((await http(base, '/api/runs', { token: null, headers: { cookie } })).status).toBe(401);
    expect((await http(base, '/api/auth/login', { body: users.other, token: null })).status).toBe(401);
  });

  it('keeps the last admin', async () => {
    const me = (await http<TWhoAmI>(base, '/api/auth/me')).body.user;
    const res = await http<TApiError>(base, `/api/users/${me.id}`, { method: 'PATCH', body: { role: 'viewer' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LAST_ADMIN');
  });

  it('sockets authenticate too: none or a bad token is refused, a viewer token receives run events', async () => {
    const refused = async (auth: Record<string, string>) => {
      const socket = io(base, { transports: ['websocket'], auth, reconnection: false });
      const error = await new Promise<string>((resolve) => {
        socket.on('connect_error', (e) => resolve(e.message));
        socket.on('connect', () => resolve('connected'));
      });
      socket.disconnect();
      return error;
    };
    expect(await refused({})).toBe('UNAUTHENTICATED');
    expect(await refused({ token: 'tsk_forged' })).toBe('UNAUTHENTICATED');

    const socket = io(base, { transports: ['websocket'], auth: { token: tokens.viewer }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });
    const seen = new Promise<TRun>((resolve) => socket.on('run:updated', ({ run }) => resolve(run)));
    socket.emit('runs:subscribe');
    await new Promise((r) => setTimeout(r, 200));
    const created = await http<TRun>(base, '/api/runs', { body: run('socket'), token: await tokenFor(base) });
    expect((await seen).id).toBe(created.body.id);
    socket.disconnect();
  });

  it('closes open sockets whose token is revoked or whose user is disabled', async () => {
    const { cookie, csrf } = await signIn(base, users.viewer);
    const made = await http<TTokenCreated>(base, '/api/tokens', {
      body: { name: 'socket' },
      token: null,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    const connect = async (token: string) => {
      const socket = io(base, { transports: ['websocket'], auth: { token }, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', resolve);
        socket.on('connect_error', reject);
      });
      const closed = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
      return { socket, closed };
    };
    const byToken = await connect(made.body.token);
    const other = await connect(tokens.viewer);
    expect((await http(base, `/api/tokens/${made.body.id}`, { method: 'DELETE', token: tokens.viewer })).status).toBe(200);
    expect(await byToken.closed).toBe('io server disconnect');
    expect(other.socket.connected).toBe(true);

    const viewerId = (await http<TWhoAmI>(base, '/api/auth/me', { token: tokens.viewer })).body.user.id;
    expect((await http(base, `/api/users/${viewerId}`, { method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    expect(await other.closed).toBe('io server disconnect');
    expect((await http(base, `/api/users/${viewerId}`, { method: 'PATCH', body: { disabled: false } })).status).toBe(200);
  });

  it('sends security headers and strict CORS', async () => {
    const res = await fetch(`${base}/api/health`, { headers: { origin: 'http://evil.example:3999' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const host = new URL(base).hostname;
    const ok = await fetch(`${base}/api/health`, { headers: { origin: `http://${host}:3999` } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(`http://${host}:3999`);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
  });
});
