// Embedded PostgreSQL for local development (scripts/stack.mjs) and the API's tests. Pure Node:
// no Nest, no Prisma; migrations are the API's business (apps/api/src/db/migrate.ts).
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
export { dropDatabase, ensureDatabase } from './pg-database.admin';
export { findFreePort } from './free-port.finder';
