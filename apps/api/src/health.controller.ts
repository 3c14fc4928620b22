import { Controller, Get } from '@nestjs/common';
import { PrismaService } from './prisma/prisma.service';

@Controller('api/health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** Answers only when the database does, so the start script and compose can wait on it. */
  @Get()
  async health(): Promise<{ ok: true }> {
    await this.prisma.client.$queryRaw`SELECT 1`;
    return { ok: true };
  }
}
