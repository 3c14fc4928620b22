import { Injectable } from '@nestjs/common';
import { ZBusEvent, type TRunEvents } from '@tensorscope/shared';
import { PrismaService } from '../prisma/prisma.service';

/** At most this many events per catch-up answer; a client further behind refetches instead. */
const MAX_EVENTS = 2000;

/** A run's numbered live events (written by the bus), read back for clients that reconnect. */
@Injectable()
export class RunEventRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Events after `afterSeq`, oldest first; null when the run does not exist. */
  async after(runId: string, afterSeq: number): Promise<TRunEvents | null> {
    const run = await this.prisma.client.run.findUnique({ where: { id: runId }, select: { eventSeq: true } });
    if (!run) return null;
    const rows = await this.prisma.client.runEvent.findMany({
      where: { runId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: MAX_EVENTS,
      select: { seq: true, event: true },
    });
    const wanted = Math.max(0, run.eventSeq - afterSeq);
    // Complete when nothing was pruned and nothing was cut off: exactly afterSeq+1 … eventSeq.
    const complete = rows.length === wanted && (wanted === 0 || rows[0]!.seq === afterSeq + 1);
    const events = rows.flatMap((r) => {
      const parsed = ZBusEvent.safeParse(r.event);
      return parsed.success ? [parsed.data] : [];
    });
    return { events, lastSeq: run.eventSeq, complete: complete && events.length === rows.length };
  }

  /** Drops events older than the retention; answers how many. */
  async prune(olderThan: Date): Promise<number> {
    return (await this.prisma.client.runEvent.deleteMany({ where: { at: { lt: olderThan } } })).count;
  }
}
