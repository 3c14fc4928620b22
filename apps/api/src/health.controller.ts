import { Controller, Get, HttpStatus } from '@nestjs/common';
import { Public } from './auth/auth.decorators';
import { ApiError } from './common/api-error';
import { DATABASE_UNAVAILABLE } from './common/error.filter';
import { PrismaService } from './prisma/prisma.service';

/** How long a health probe waits for the database before calling it down. */
const PROBE_TIMEOUT_MS = 2000;

@Controller('api/health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * 200 `{ok: true, database: 'up'}` only when the database answers, so the start script and
   * compose can wait on it; otherwise 503 DATABASE_UNAVAILABLE with `details.database` saying why.
   */
  @Get()
  @Public()
  async health(): Promise<{ ok: true; database: 'up' }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.prisma.client.$queryRaw`SELECT 1`,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
        }),
      ]);
      return { ok: true, database: 'up' };
    } catch (e) {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, {
        ...DATABASE_UNAVAILABLE,
        details: { api: 'up', database: 'down', reason: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
