import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { findFreePort } from './free-port.finder';
import { locatePgBinaries } from './pg-binaries.locator';
import { resolvePgOsUser } from './pg-os-user.resolver';

// Lifecycle of one cluster folder across starts: first start initialises, later starts reuse the
// data, a stale postmaster.pid or a server orphaned by a crashed run does not block a start.
describe('embedded PostgreSQL', () => {
  let dir = '';
  let dataDir = '';
  const logs: string[] = [];
  const start = (): Promise<EmbeddedPostgres> => startEmbeddedPostgres({ dataDir, port: 0, onLog: (line) => logs.push(line) });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tensorscope-pg-'));
    await chmod(dir, 0o755); // as root, Postgres runs as the `postgres` account, which must enter it
    dataDir = path.join(dir, 'cluster');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const sql = async (url: string, text: string): Promise<unknown[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  it('initialises the cluster on first start, with a UTF-8 `tensorscope` database', async () => {
    const db = await start();
    try {
      expect(db.databaseUrl).toBe(`postgresql://tensorscope:tensorscope@127.0.0.1:${db.port}/tensorscope`);
      expect(await sql(db.databaseUrl, 'SHOW server_encoding')).toEqual([{ server_encoding: 'UTF8' }]);
      expect(await sql(db.databaseUrl, 'SHOW server_version_num')).toEqual([{ server_version_num: expect.stringMatching(/^17/) }]);
      await sql(db.databaseUrl, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('from run 1')");
      await expect(start()).rejects.toThrow(/already running/); // same folder, owner alive
    } finally {
      await db.stop();
      await db.stop(); // idempotent
    }
    expect(logs.join('\n')).toContain('initialising a new PostgreSQL cluster');
  });

  it('reuses the data on a later start, and removes a stale postmaster.pid', async () => {
    // A PID that surely is gone: a process that has already exited.
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${gone.pid}\n${dataDir}\n`);
    logs.length = 0;

    const db = await start();
    try {
      expect(await sql(db.databaseUrl, 'SELECT v FROM kept')).toEqual([{ v: 'from run 1' }]);
      expect(logs.join('\n')).not.toContain('initialising');
      expect(logs.join('\n')).toContain('removing stale');
    } finally {
      await db.stop();
    }
  });

  it('shuts down a server orphaned by a crashed run, then starts its own on the same data', async () => {
    // The orphan: a postmaster whose starter is gone, as after a SIGKILL of the Node process.
    // `sh -c '… &'` exits at once, so the server is reparented to init.
    const { postgres } = await locatePgBinaries();
    const osUser = await resolvePgOsUser();
    const port = await findFreePort();
    const orphanStarter = spawn(
      'sh',
      ['-c', `"${postgres}" -D "${dataDir}" -p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= >/dev/null 2>&1 &`],
      { ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}), stdio: 'ignore' },
    );
    await new Promise((resolve) => orphanStarter.once('exit', resolve));
    const orphanPid = await waitForPostmasterPid(dataDir);
    expect(isAlive(orphanPid)).toBe(true);
    logs.length = 0;

    const db = await start();
    try {
      expect(logs.join('\n')).toContain(`stopping PostgreSQL pid ${orphanPid} left running`);
      expect(isAlive(orphanPid)).toBe(false);
      expect(await sql(db.databaseUrl, 'SELECT v FROM kept')).toEqual([{ v: 'from run 1' }]);
    } finally {
      await db.stop();
    }
  });

  it('explains a start failure with the server output (port already taken)', async () => {
    const blocker = await startEmbeddedPostgres({ dataDir: path.join(dir, 'other'), port: 0 });
    try {
      await expect(startEmbeddedPostgres({ dataDir, port: blocker.port })).rejects.toThrow(/failed to start[\s\S]*could not bind/i);
    } finally {
      await blocker.stop();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForPostmasterPid(dataDir: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    // The last line becomes "ready" once the server accepts connections.
    if (content.trimEnd().endsWith('ready')) return Number.parseInt(content, 10);
    await sleep(100);
  }
  throw new Error('the orphan postmaster did not become ready');
}
