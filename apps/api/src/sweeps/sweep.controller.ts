import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ZSweepCreate, ZSweepIdParam, type TRun, type TSweep, type TSweepCreate, type TSweepList } from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
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
  @HttpCode(201)
  create(@Body(new ZodPipe(ZSweepCreate, 'sweep')) body: TSweepCreate): Promise<{ sweep: TSweep; runs: TRun[] }> {
    return this.sweeps.create(body);
  }

  @Get(':id')
  get(@Param(new ZodPipe(ZSweepIdParam, 'sweep id')) params: { id: string }): Promise<TSweep> {
    return this.sweeps.get(params.id);
  }
}
