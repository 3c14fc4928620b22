import { Injectable } from '@nestjs/common';
import type { TCheckpointManifest } from '@tensorscope/ml';
import { PgPoolService } from '../prisma/pg-pool.service';

export interface TStoredCheckpoint {
  step: number;
  manifest: TCheckpointManifest;
  data: Buffer;
}

/**
 * The newest training checkpoint per run (RunCheckpoint). Through node-postgres rather than
 * Prisma: a LeNet-RGB checkpoint is ~51 MB of bytea (weights + two Adam moments), which Prisma
 * moves as hex through its query compiler several times slower.
 */
@Injectable()
export class CheckpointRepository {
  constructor(private readonly pg: PgPoolService) {}

  /** Replaces the run's checkpoint and records its step on the run, atomically (one statement). */
  async save(runId: string, step: number, manifest: TCheckpointManifest, data: Buffer): Promise<void> {
    await this.pg.pool.query(
      `WITH saved AS (
         INSERT INTO "RunCheckpoint" ("runId", step, manifest, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT ("runId") DO UPDATE SET step = EXCLUDED.step, manifest = EXCLUDED.manifest, data = EXCLUDED.data, "createdAt" = now()
         RETURNING "runId")
       UPDATE "Run" SET "checkpointStep" = $2 WHERE id IN (SELECT "runId" FROM saved)`,
      [runId, step, JSON.stringify(manifest), data],
    );
  }

  async load(runId: string): Promise<TStoredCheckpoint | null> {
    const r = await this.pg.pool.query<{ step: number; manifest: TCheckpointManifest; data: Buffer }>(
      'SELECT step, manifest, data FROM "RunCheckpoint" WHERE "runId" = $1',
      [runId],
    );
    return r.rows[0] ?? null;
  }

  /** A finished run needs no checkpoint; it is the largest thing a run stores. */
  async delete(runId: string): Promise<void> {
    await this.pg.pool.query('DELETE FROM "RunCheckpoint" WHERE "runId" = $1', [runId]);
  }
}
