import { ROLLUP_REFRESH_SQL } from './scalar-rollup.sql';

/** Runs a statement; a pg Pool or Client's `query` fits. */
export type Exec = (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

const INT_MIN = -2147483648;

/**
 * Rebuilds every rollup level of a run from its points, finest first (each level from the one
 * below). Idempotent: a rebuild cut short is simply run again.
 */
export async function rebuildRollups(exec: Exec, runId: string): Promise<void> {
  const { rows } = await exec(`SELECT DISTINCT tag FROM "ScalarPoint" WHERE "runId" = $1::uuid`, [runId]);
  const tags = (rows as { tag: string }[]).map((r) => r.tag);
  if (tags.length === 0) return;
  for (const sql of ROLLUP_REFRESH_SQL) await exec(sql, [runId, tags, tags.map(() => INT_MIN)]);
}
