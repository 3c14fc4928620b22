import { Injectable } from '@nestjs/common';
import type { TRunLogLevel, TRunLogLine } from '@tensorscope/shared';
import { PrismaService } from '../prisma/prisma.service';

/** A run's log as the run page shows it: the last lines, at most this many per answer. */
const MAX_LINES = 500;

/** What the worker wrote about each run (RunLog). */
@Injectable()
export class RunLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  async append(runId: string, level: TRunLogLevel, message: string): Promise<void> {
    await this.prisma.client.runLog.create({ data: { runId, level, message } });
  }

  /** Lines after `afterId`, oldest first. */
  async after(runId: string, afterId: number): Promise<TRunLogLine[]> {
    const rows = await this.prisma.client.runLog.findMany({
      where: { runId, id: { gt: BigInt(afterId) } },
      orderBy: { id: 'asc' },
      take: MAX_LINES,
    });
    return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), level: r.level as TRunLogLevel, message: r.message }));
  }
}
