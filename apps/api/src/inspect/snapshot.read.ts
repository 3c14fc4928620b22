import type { TParamKind } from '@tensorscope/shared';
import type { Pool } from 'pg';

export interface TStoredTensor {
  layer: string;
  param: TParamKind;
  shape: number[];
  data: Float32Array;
}

export interface TStoredSnapshot {
  topology: unknown;
  inputStats: unknown;
  tensors: TStoredTensor[];
}

/**
 * Every tensor of one snapshot, in a stable (layer, param) order, with the run's topology and input
 * normalisation; null when the run or the snapshot is gone. Through node-postgres: Prisma moved a
 * LeNet-RGB snapshot (17 MB of bytea) in ~2 s, most of it blocking the event loop. Shared by the
 * InspectRepository and the render threads' own reader, so the SQL exists once.
 */
export async function readStoredSnapshot(db: Pick<Pool, 'query'>, runId: string, step: number): Promise<TStoredSnapshot | null> {
  const [run, rows] = await Promise.all([
    db.query<{ topology: unknown; inputStats: unknown }>('SELECT topology, "inputStats" FROM "Run" WHERE id = $1', [runId]),
    db.query<{ layer: string; kind: string; shape: number[]; data: Buffer }>(
      'SELECT layer, kind, shape, data FROM "WeightSnapshot" WHERE "runId" = $1 AND step = $2 ORDER BY layer, kind',
      [runId, step],
    ),
  ]);
  const topology = run.rows[0]?.topology;
  if (topology === null || topology === undefined || rows.rows.length === 0) return null;
  return {
    topology,
    inputStats: run.rows[0]!.inputStats,
    tensors: rows.rows.map((r) => ({ layer: r.layer, param: r.kind as TParamKind, shape: r.shape, data: toFloat32(r.data) })),
  };
}

/** Copies into an aligned buffer: a Buffer's offset inside its pool need not be a multiple of 4. */
export function toFloat32(bytes: Uint8Array): Float32Array {
  const data = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(data.buffer).set(bytes);
  return data;
}
