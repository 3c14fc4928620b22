import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../src/db/migrate';
import { createThrowawayDatabase } from './throwaway-database';

/** One migrated database for the whole API test run; test files read its URL with inject('databaseUrl'). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await createThrowawayDatabase();
  await migrateDatabase(db.databaseUrl);
  project.provide('databaseUrl', db.databaseUrl);
  return db.cleanup;
}
