import { backfillScalarHistoryAt } from '../scalars/scalar-history.backfill';
import { runPrismaCli, type PrismaCliOptions } from './prisma-cli.runner';

/**
 * Applies the committed migrations (prisma/migrations) to `databaseUrl` with
 * `prisma migrate deploy`; already applied ones are skipped. Rejects, quoting the CLI's output,
 * when anything fails. Then builds the scalar rollups/overviews stored points lack (data written
 * before they existed), before any API or worker process starts writing.
 */
export async function migrateDatabase(databaseUrl: string, options: PrismaCliOptions = {}): Promise<void> {
  await runPrismaCli(['migrate', 'deploy'], databaseUrl, options);
  await backfillScalarHistoryAt(databaseUrl, options.onOutput ?? ((line) => console.log(line)));
}

/** `node apps/api/dist/db/migrate.js`: migrates $DATABASE_URL; exit code 1 on any failure. */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('[migrate] DATABASE_URL is not set');
    process.exitCode = 1;
    return;
  }
  try {
    await migrateDatabase(databaseUrl);
  } catch (e) {
    // The CLI's own output went to stdout/stderr already; the first line is the summary.
    console.error(`[migrate] ${(e as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
