import { z } from 'zod';

export const RUN_LOG_LEVELS = ['info', 'warn', 'error'] as const;
export const ZRunLogLevel = z.enum(RUN_LOG_LEVELS);
export type TRunLogLevel = z.infer<typeof ZRunLogLevel>;

/** One line about a run: the worker's (backend, resumed, lease lost, ended, failed) and its trainer thread's (data, model, anything it printed). */
export const ZRunLogLine = z.object({
  id: z.number().int(),
  at: z.string(),
  level: ZRunLogLevel,
  message: z.string(),
});
export type TRunLogLine = z.infer<typeof ZRunLogLine>;

/** GET /api/runs/:id/logs: lines after `afterId`, oldest first. */
export const ZRunLogs = z.object({ lines: z.array(ZRunLogLine) });
export type TRunLogs = z.infer<typeof ZRunLogs>;

export const ZRunLogQuery = z.strictObject({
  afterId: z.coerce.number().int('afterId must be an integer').min(0, 'afterId must be ≥ 0').default(0),
});
export type TRunLogQuery = z.infer<typeof ZRunLogQuery>;
