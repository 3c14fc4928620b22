import { describe, expect, it, vi } from 'vitest';
import type { TEnv } from '../env';
import { FirstAdminBootstrap } from './first-admin.bootstrap';
import type { UserRepository } from './user.repository';

const env = { ADMIN_EMAIL: 'admin@test.local', ADMIN_PASSWORD: 'first-admin-password' } as TEnv;

/** A user table in memory whose database can be switched off (count/create then fail as pg does when unreachable). */
function usersTable() {
  const rows: Array<{ email: string; role: string }> = [];
  const state = { reachable: true };
  const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const repo = {
    count: vi.fn(async () => {
      if (!state.reachable) throw unreachable();
      return rows.length;
    }),
    create: vi.fn(async (email: string, _hash: string, role: string) => {
      if (!state.reachable) throw unreachable();
      if (rows.some((r) => r.email === email)) return null;
      const row = { email, role };
      rows.push(row);
      return row;
    }),
  };
  return { rows, state, repo: repo as unknown as UserRepository };
}

describe('FirstAdminBootstrap', () => {
  it('has created the admin by the time bootstrap resolves, so the API listens only once it can sign in', async () => {
    const t = usersTable();
    const job = new FirstAdminBootstrap(t.repo, env);
    await job.onApplicationBootstrap();
    expect(t.rows).toEqual([{ email: 'admin@test.local', role: 'admin' }]);
    job.onApplicationShutdown();
  });

  it('does not hold the API back while the database is down, and creates the admin once it is back', async () => {
    vi.useFakeTimers();
    try {
      const t = usersTable();
      t.state.reachable = false;
      const job = new FirstAdminBootstrap(t.repo, env);
      await job.onApplicationBootstrap();
      expect(t.rows).toEqual([]);
      t.state.reachable = true;
      await vi.advanceTimersByTimeAsync(2_100);
      // The retry hashes the password on libuv's thread pool, outside the fake clock.
      await vi.waitFor(() => expect(t.rows).toHaveLength(1), { timeout: 10_000 });
      job.onApplicationShutdown();
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves an installation with users alone', async () => {
    const t = usersTable();
    t.rows.push({ email: 'someone@test.local', role: 'viewer' });
    const job = new FirstAdminBootstrap(t.repo, env);
    await job.onApplicationBootstrap();
    expect(t.rows).toHaveLength(1);
    job.onApplicationShutdown();
  });
});
