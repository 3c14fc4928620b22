import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// A development tool: @tensorscope/embedded-pg is a dev dependency, absent from the production image.
import { startEmbeddedPostgres } from '@tensorscope/embedded-pg';
import { MIGRATIONS_DIR, SCHEMA_FILE } from './db.paths';
import { runPrismaCli } from './prisma-cli.runner';

/**
 * Writes `prisma/migrations/<UTC timestamp>_<name>/migration.sql`: the SQL that takes the
 * committed migrations to the current schema.prisma. Answers its folder, or undefined when the
 * two already agree. Offline and without a dev database: the diff replays the migrations on a
 * shadow database, here on a throwaway embedded Postgres. (`prisma migrate dev --create-only`
 * needs a dev database, prompts, and in 6.19.3 exits 1 after writing its file.)
 */
export async function createMigration(name: string, log: (line: string) => void = console.log): Promise<string | undefined> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new Error(`"${name}" is not a usable migration name`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'tensorscope-migration-'));
  await chmod(scratch, 0o755); // as root, Postgres runs as the `postgres` account
  const db = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0 });
  try {
    const draft = path.join(scratch, 'migration.sql');
    const args = [
      'migrate',
      'diff',
      '--from-migrations',
      MIGRATIONS_DIR,
      '--to-schema-datamodel',
      SCHEMA_FILE,
      '--script',
      '--output',
      draft,
    ];
    await runPrismaCli(args, db.databaseUrl, { onOutput: log });
    const sql = await readFile(draft, 'utf8');
    if (sql.trim() === '-- This is an empty migration.') return undefined;
    const dir = path.join(MIGRATIONS_DIR, `${utcStamp(new Date())}_${slug}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    return dir;
  } finally {
    await db.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Prisma's migration folder prefix: YYYYMMDDHHMMSS in UTC, so folders sort in creation order. */
function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** `node apps/api/dist/db/new-migration.js <name>` after editing prisma/schema.prisma. */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: node apps/api/dist/db/new-migration.js <name>');
    process.exitCode = 2;
    return;
  }
  try {
    const dir = await createMigration(name, () => undefined);
    console.log(
      dir
        ? `created ${path.relative(process.cwd(), dir)}/migration.sql; review it, then commit it`
        : 'schema.prisma matches the migrations: nothing to create',
    );
  } catch (e) {
    console.error(`[new-migration] ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
