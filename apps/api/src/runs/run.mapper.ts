import type { Run as RunRow } from '@prisma/client';
import { ZBackendName, ZBestMetrics, ZFinalMetrics, ZRunConfig, ZRunProgress, type TRun } from '@tensorscope/shared';

/** What an answer reads of a run row: not the topology or input statistics (model loading's business). */
export type TRunAnswerRow = Omit<RunRow, 'topology' | 'inputStats' | 'eventSeq'>;

/**
 * Database row → public TRun. Stored JSON is parsed, so a bad row fails loudly here, not in a
 * browser. `queuePosition` comes from `RunRepository.queuePositions` (null: not queued).
 */
export function toRun(row: TRunAnswerRow, now: Date, queuePosition: number | null = null): TRun {
  // Parsed once: a list page maps up to 200 rows, and the config schema is the costliest part.
  const config = ZRunConfig.parse(row.config);
  const backend = ZBackendName.safeParse(row.backend);
  const end = row.finishedAt ?? (row.status === 'running' ? now : null);
  return {
    id: row.id,
    name: row.name,
    model: config.model,
    config,
    status: row.status,
    backend: backend.success ? backend.data : null,
    progress: row.progress === null ? null : ZRunProgress.parse(row.progress),
    finalMetrics: row.finalMetrics === null ? null : ZFinalMetrics.parse(row.finalMetrics),
    bestMetrics: row.bestMetrics === null ? null : ZBestMetrics.parse(row.bestMetrics),
    error: row.error,
    cancelRequested: row.cancelRequested,
    workerId: row.workerId,
    sweepId: row.sweepId,
    attempts: row.attempts,
    interruption: row.interruption,
    checkpointStep: row.checkpointStep,
    ownerId: row.ownerId,
    notes: row.notes,
    tags: row.tags,
    queuePosition: row.status === 'queued' ? queuePosition : null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationSeconds: row.startedAt && end ? Math.max(0, (end.getTime() - row.startedAt.getTime()) / 1000) : null,
  };
}

/** Rows → TRuns, each queued one with its place in line. */
export const toRuns = (rows: readonly TRunAnswerRow[], now: Date, positions: ReadonlyMap<string, number>): TRun[] =>
  rows.map((row) => toRun(row, now, positions.get(row.id) ?? null));
