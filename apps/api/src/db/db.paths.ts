import path from 'node:path';

/**
 * apps/api, found from this file in src/db (vitest) or dist/db (node). In the Docker image the
 * package is deployed to /app, so this is /app there.
 */
export const API_DIR = path.resolve(__dirname, '..', '..');

/**
 * Repository root. Docker copies `prisma/` to /prisma, which is also `<API_DIR>/../../prisma`
 * there, so paths built from here hold in both layouts.
 */
export const REPO_ROOT = path.resolve(API_DIR, '..', '..');

/** The Prisma CLI config (engine "js" + patched pg adapter); see the comments inside it. */
export const PRISMA_CONFIG_FILE = path.join(API_DIR, 'prisma.config.ts');

/** The committed migrations `prisma migrate deploy` applies, and the schema they must match. */
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');
export const SCHEMA_FILE = path.join(REPO_ROOT, 'prisma', 'schema.prisma');
