import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@tensorscope/embedded-pg';

/**
 * A database for one test or bench run: a throwaway database on DATABASE_URL's server when it is set (its
 * user needs CREATEDB), else a fresh embedded PostgreSQL in a temp folder on a free port.
 */
export async function createThrowawayDatabase(): Promise<{ databaseUrl: string; cleanup: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `tensorscope_test_${randomUUID().replaceAll('-', '')}`;
    await ensureDatabase(external, name);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString(), cleanup: () => dropDatabase(external, name) };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tensorscope-db-'));
  // mkdtemp makes it 0700; as root, Postgres runs as the `postgres` account and must enter it.
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 0 });
  return {
    databaseUrl: db.databaseUrl,
    cleanup: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
