import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

/**
 * The Prisma client of a process. The generator's `engineType = "client"` makes it the
 * Rust-free client: queries are planned by a wasm compiler and run through node-postgres via
 * this adapter, so no query-engine binary is needed (or downloaded).
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
