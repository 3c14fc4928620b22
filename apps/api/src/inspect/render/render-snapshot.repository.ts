import type { StoredModel } from '@tensorscope/ml';
import { ZChannelStats } from '@tensorscope/shared';
import { Pool } from 'pg';
import { readStoredSnapshot } from '../snapshot.read';

/**
 * The snapshots a render thread loads, read by the thread itself on one connection of its own: 17 MB
 * of weights never pass through the API's request thread (parsing them there stalled it for tens
 * to hundreds of milliseconds per load).
 */
export class RenderSnapshotRepository {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    // Not db/prisma.factory's constants: importing it would load the Prisma client into every thread.
    // Renders come in bursts (a Layers tab open): the connection closes after a quiet minute.
    this.pool = new Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 60_000, connectionTimeoutMillis: 5000 });
    // A dropped idle connection must not kill the thread; the next read reconnects.
    this.pool.on('error', () => undefined);
  }

  /** The snapshot as a model is built from it; null when the run, the snapshot or its normalisation is gone. */
  async read(runId: string, step: number): Promise<StoredModel | null> {
    const snapshot = await readStoredSnapshot(this.pool, runId, step);
    const inputStats = ZChannelStats.safeParse(snapshot?.inputStats);
    if (!snapshot || !inputStats.success) return null;
    return { topology: snapshot.topology, tensors: snapshot.tensors, channelStats: inputStats.data };
  }
}
