import type { TSweepCreateInput } from '@tensorscope/shared';
import { ZRun, ZSweep, ZSweepList } from '@tensorscope/shared';
import { z } from 'zod';
import { apiGet, apiSend } from '../../../lib/api-client';

/** 201 of POST /api/sweeps: the sweep and the runs it queued, in combination order. */
const ZSweepCreated = z.object({ sweep: ZSweep, runs: z.array(ZRun) });
export type TSweepCreated = z.infer<typeof ZSweepCreated>;

export const sweepApi = {
  listSweeps: (signal?: AbortSignal) => apiGet(ZSweepList, '/api/sweeps', signal),

  getSweep: (id: string, signal?: AbortSignal) => apiGet(ZSweep, `/api/sweeps/${encodeURIComponent(id)}`, signal),

  createSweep: (body: TSweepCreateInput) => apiSend(ZSweepCreated, 'POST', '/api/sweeps', body),
};
