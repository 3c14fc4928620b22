import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ZSweepCreate, ZSweepIdParam, type TRun, type TSweep, type TSweepCreate, type TSweepList } from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { TPrincipal } from '../auth/principal';
import { SweepService } from './sweep.service';

/** Thin: shared schemas validate, SweepService does the rest. A sweep's runs: GET /api/runs?sweepId=. */
@Controller('api/sweeps')
export class SweepController {
  constructor(private readonly sweeps: SweepService) {}

  @Get()
  list(): Promise<TSweepList> {
    return this.sweeps.list();
  }

  @Post()
  @RequireRole('launcher')
  @HttpCode(201)
  create(
    @CurrentPrincipal() principal: TPrincipal,
    @Body(new ZodPipe(ZSweepCreate, 'sweep')) body: TSweepCreate,
  ): Promise<{ sweep: TSweep; runs: TRun[] }> {
    return this.sweeps.create(body, principal.user.id);
  }

  @Get(':id')
  get(@Param(new ZodPipe(ZSweepIdParam, 'sweep id')) params: { id: string }): Promise<TSweep> {
    return this.sweeps.get(params.id);
  }
}
