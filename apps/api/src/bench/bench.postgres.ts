import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from '@tensorscope/embedded-pg';
import { REPO_ROOT } from '../db/db.paths';
import { migrateDatabase } from '../db/migrate';

/**
 * The API bench's own Postgres: a persistent cluster under `.data/bench-api-postgres` (the seeded
 * 10,000 runs are paid for once), on a free port so it never meets the stack or the tests.
 * Answers a migrated database URL per name asked for.
 */
export async function startBenchPostgres(): Promise<{
  pg: EmbeddedPostgres;
  database(name: string): Promise<string>;
}> {
  const pg = await startEmbeddedPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'bench-api-postgres'), port: 0 });
  return {
    pg,
    async database(name) {
      const url = pg.databaseUrl.replace(/\/[^/]*$/, `/${name}`);
      await ensureDatabase(pg.databaseUrl, name);
      // Quiet: a failed migration rejects with the CLI's output.
      await migrateDatabase(url, { onOutput: () => undefined });
      return url;
    },
  };
}
