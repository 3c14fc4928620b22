import { FINISHED_STATUSES } from '@tensorscope/shared';
import { Client } from 'pg';
import { COARSEST_SHIFT } from './rollup-levels';
import { rebuildRollups, type Exec } from './scalar-rollup.rebuild';
import { OVERVIEW_PACK_SQL } from './scalar-rollup.sql';

/**
 * Runs whose stored series lack what the scalar store keeps beside the points: a finished run
 * without packed overviews (points from before overviews existed, or a run that ended without
 * being sealed: failed by the lease reaper, or its seal failed), or an unfinished run whose
 * rollups do not count all its points (points from before rollups existed). Counting only
 * unfinished runs keeps this cheap: they are few, finished ones are judged by their overviews.
 */
const STALE_RUNS_SQL = `SELECT r.id::text AS "runId", r.status::text = ANY($1::text[]) AS finished
FROM "Run" r
WHERE EXISTS (SELECT 1 FROM "ScalarPoint" p WHERE p."runId" = r.id)
  AND CASE WHEN r.status::text = ANY($1::text[])
    THEN NOT EXISTS (SELECT 1 FROM "ScalarOverview" o WHERE o."runId" = r.id)
    ELSE (SELECT count(*) FROM "ScalarPoint" p WHERE p."runId" = r.id)
      <> (SELECT coalesce(sum(u.count), 0) FROM "ScalarRollup" u WHERE u."runId" = r.id AND u.width = ${2 ** COARSEST_SHIFT})
  END
ORDER BY r."createdAt"`;

/**
 * Builds the rollups and overviews that a database's stored points lack: after `migrate deploy`,
 * while no process writes points. This was once SQL inside the scalar_overviews migration
 * (rollups for every point, overviews for every finished run); here it is the store's own SQL,
 * so the overview layout stays defined once, and a database that already has them is untouched.
 * A run that fails is reported and left as it was (reads of it stay exact, only slower); the
 * next migrate tries it again. Answers the runs it completed.
 */
export async function backfillScalarHistory(exec: Exec, log: (line: string) => void): Promise<string[]> {
  const { rows } = await exec(STALE_RUNS_SQL, [FINISHED_STATUSES]);
  const done: string[] = [];
  for (const { runId, finished } of rows as { runId: string; finished: boolean }[]) {
    try {
      await rebuildRollups(exec, runId);
      if (finished) await exec(OVERVIEW_PACK_SQL, [runId]);
      done.push(runId);
    } catch (e) {
      log(
        `[scalars] run ${runId}: building its rollups failed (${e instanceof Error ? e.message : String(e)}); the next migrate tries again`,
      );
    }
  }
  if (done.length > 0) log(`[scalars] built the rollups and overviews of ${done.length} run(s) stored without them`);
  return done;
}

/** backfillScalarHistory on its own connection to `databaseUrl` (the migrate step has no pool). */
export async function backfillScalarHistoryAt(databaseUrl: string, log: (line: string) => void): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await backfillScalarHistory((sql, params) => client.query(sql, params), log);
  } finally {
    await client.end();
  }
}
