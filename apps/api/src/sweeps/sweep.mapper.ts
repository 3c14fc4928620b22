import { ZSweepAxis, type TSweep } from '@tensorscope/shared';
import { z } from 'zod';
import type { SweepWithCounts } from './sweep.repository';

/** Database row → public TSweep (stored JSON parsed, so a bad row fails here, loudly). */
export function toSweep({ row, statusCounts }: SweepWithCounts): TSweep {
  return {
    id: row.id,
    name: row.name,
    base: z.record(z.string(), z.unknown()).parse(row.base),
    axes: z.array(ZSweepAxis).parse(row.axes),
    createdAt: row.createdAt.toISOString(),
    runCount: Object.values(statusCounts).reduce((a, b) => a + b, 0),
    statusCounts,
  };
}
