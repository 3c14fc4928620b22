// Prisma CLI configuration. It lives in apps/api (not the repo root) because the CLI is
// run from here (`pnpm --filter @tensorscope/api …`) and looks for `prisma.config.ts` in
// its working directory, and because the imports below only resolve from this package.
//
// `engine: "js"` makes migrate/introspection use the wasm schema engine bundled in the
// `prisma` package, talking to Postgres through @prisma/adapter-pg. The classic engine
// would need a schema-engine binary that Prisma downloads, which fails offline.
// The adapter carries three fixes as a pnpm patch (patches/@prisma__adapter-pg@6.19.3.patch).
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Captured before the placeholder below, so migrations never run against the placeholder.
const databaseUrl = process.env.DATABASE_URL;

// Every CLI command (even `generate`) first reads the schema to learn the client engine type.
// If `env("DATABASE_URL")` in the datasource cannot be resolved, that read fails and the CLI
// falls back to the library engine and tries to download it (fails offline). Commands that
// never connect (generate, validate, format) therefore get a placeholder URL.
process.env.DATABASE_URL ??= 'postgresql://unused@localhost:5432/unused';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('..', '..', 'prisma', 'schema.prisma'),
  migrations: { path: path.join('..', '..', 'prisma', 'migrations') },
  // Read lazily: `prisma generate` never calls this, so it works without a database.
  async adapter() {
    const connectionString = databaseUrl;
    if (!connectionString) {
      throw new Error('DATABASE_URL is not set; prisma migrate needs it (see apps/api/src/db/migrate.ts).');
    }
    // The CLI never closes this pool: let idle connections not keep the process alive (pg
    // would hold them for its 10 s idle timeout after every command).
    return new PrismaPg({ connectionString, allowExitOnIdle: true });
  },
});
