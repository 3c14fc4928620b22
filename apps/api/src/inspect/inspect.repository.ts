import { Injectable } from '@nestjs/common';
import type { THistogram, TParamKind, TRunTags, TSnapshotInfo, TTaggedHistogram } from '@tensorscope/shared';
import { PgPoolService } from '../prisma/pg-pool.service';
import { PrismaService } from '../prisma/prisma.service';
import { readStoredSnapshot, toFloat32, type TStoredSnapshot, type TStoredTensor } from './snapshot.read';

export type { TStoredTensor } from './snapshot.read';

/**
 * Histograms, tag lists and weight snapshots: the only code touching those tables (the render
 * threads read snapshots through the same snapshot.read.ts). Snapshot bytes go through
 * node-postgres (see readStoredSnapshot).
 */
@Injectable()
export class InspectRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPoolService,
  ) {}

  private get db() {
    return this.prisma.client;
  }

  async insertHistograms(runId: string, points: readonly TTaggedHistogram[]): Promise<void> {
    if (points.length === 0) return;
    await this.db.histogramPoint.createMany({
      data: points.map((p) => ({
        runId,
        tag: p.tag,
        step: p.step,
        wallTime: p.wallTime,
        min: p.min,
        max: p.max,
        edges: p.edges,
        counts: p.counts,
        percentiles: p.percentiles,
      })),
      skipDuplicates: true,
    });
  }

  readHistograms(runId: string, tag: string, afterStep?: number): Promise<THistogram[]> {
    return this.db.histogramPoint.findMany({
      where: { runId, tag, ...(afterStep !== undefined ? { step: { gt: afterStep } } : {}) },
      orderBy: { step: 'asc' },
      select: { step: true, wallTime: true, min: true, max: true, edges: true, counts: true, percentiles: true },
    });
  }

  /** DISTINCT in SQL: Prisma's `distinct` would fetch every point and dedupe in memory. */
  async tags(runId: string): Promise<TRunTags> {
    const [scalars, histograms] = await Promise.all([
      this.db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT tag FROM "ScalarPoint" WHERE "runId" = ${runId}::uuid ORDER BY tag`,
      this.db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT tag FROM "HistogramPoint" WHERE "runId" = ${runId}::uuid ORDER BY tag`,
    ]);
    return { scalars: scalars.map((r) => r.tag), histograms: histograms.map((r) => r.tag) };
  }

  /**
   * One snapshot = one row per tensor, written in one transaction with the run's topology and
   * input normalisation (both fixed for a run, so stored once). Through the plain pg pool, the
   * weights as binary parameters: Prisma's createMany took 1.5–2.7 s and ~280 MB of transient
   * memory per 16 MB LeNet-RGB snapshot (measured), which alone took a training worker past 1 GB.
   */
  async saveSnapshot(
    runId: string,
    step: number,
    model: { topology: unknown; inputStats: unknown },
    tensors: readonly TStoredTensor[],
  ): Promise<void> {
    const client = await this.pg.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE "Run" SET topology = $2::jsonb, "inputStats" = $3::jsonb WHERE id = $1::uuid AND topology IS NULL`, [
        runId,
        JSON.stringify(model.topology),
        JSON.stringify(model.inputStats),
      ]);
      if (tensors.length > 0) {
        const params: unknown[] = [runId, step];
        const rows = tensors.map((t) => {
          // Little-endian float32, as the platform (x86/ARM) stores it; a view, sent as binary.
          params.push(t.layer, t.param, t.shape, Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
          const n = params.length;
          return `(gen_random_uuid(), $1::uuid, $2::int, $${n - 3}, $${n - 2}, $${n - 1}::int[], '{}'::jsonb, $${n}::bytea, now() AT TIME ZONE 'UTC')`;
        });
        await client.query(
          `INSERT INTO "WeightSnapshot" (id, "runId", step, layer, kind, shape, stats, data, "createdAt") VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
          params,
        );
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async snapshotSteps(runId: string): Promise<number[]> {
    const rows = await this.db.$queryRaw<{ step: number }[]>`
      SELECT DISTINCT step FROM "WeightSnapshot" WHERE "runId" = ${runId}::uuid ORDER BY step`;
    return rows.map((r) => r.step);
  }

  async deleteSnapshots(runId: string, steps: readonly number[]): Promise<void> {
    if (steps.length === 0) return;
    await this.db.weightSnapshot.deleteMany({ where: { runId, step: { in: [...steps] } } });
  }

  /** Snapshot metadata without loading the weight bytes. */
  async listSnapshots(runId: string): Promise<TSnapshotInfo[]> {
    const rows = await this.db.$queryRaw<
      { step: number; layer: string; kind: TParamKind; shape: number[]; createdAt: Date; bytes: number }[]
    >`SELECT step, layer, kind, shape, "createdAt", octet_length(data)::int AS bytes
      FROM "WeightSnapshot" WHERE "runId" = ${runId}::uuid ORDER BY step, layer, kind`;
    const byStep = new Map<number, TSnapshotInfo>();
    for (const r of rows) {
      let s = byStep.get(r.step);
      if (!s) {
        s = { step: r.step, createdAt: r.createdAt.toISOString(), tensors: [], bytes: 0 };
        byStep.set(r.step, s);
      }
      s.tensors.push({ layer: r.layer, param: r.kind, shape: r.shape });
      s.bytes += r.bytes;
    }
    return [...byStep.values()];
  }

  /** Every tensor of one snapshot, in a stable (layer, param) order, and the run's topology. */
  readSnapshot(runId: string, step: number): Promise<TStoredSnapshot | null> {
    return readStoredSnapshot(this.pg.pool, runId, step);
  }

  /** Whether the run has a snapshot at `step` (one index probe, no bytes). */
  async hasSnapshot(runId: string, step: number): Promise<boolean> {
    const r = await this.pg.pool.query('SELECT 1 FROM "WeightSnapshot" WHERE "runId" = $1 AND step = $2 LIMIT 1', [runId, step]);
    return r.rows.length > 0;
  }

  async readTensor(runId: string, step: number, layer: string, param: TParamKind): Promise<TStoredTensor | null> {
    const r = await this.pg.pool.query<{ shape: number[]; data: Buffer }>(
      'SELECT shape, data FROM "WeightSnapshot" WHERE "runId" = $1 AND step = $2 AND layer = $3 AND kind = $4',
      [runId, step, layer, param],
    );
    const row = r.rows[0];
    if (!row) return null;
    return { layer, param, shape: row.shape, data: toFloat32(row.data) };
  }
}
