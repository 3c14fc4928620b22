import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ZRunConfig,
  ZRunIdParam,
  ZRunListQuery,
  ZScalarQuery,
  type TRun,
  type TRunConfig,
  type TRunList,
  type TRunListQuery,
  type TScalarQuery,
  type TScalarSeries,
} from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { RunService } from './run.service';

const idPipe = new ZodPipe(ZRunIdParam, 'run id');

/** Thin: validation by shared schemas, everything else in RunService. */
@Controller('api/runs')
export class RunController {
  constructor(private readonly runs: RunService) {}

  @Get()
  list(@Query(new ZodPipe(ZRunListQuery, 'query')) query: TRunListQuery): Promise<TRunList> {
    return this.runs.list(query);
  }

  @Post()
  @HttpCode(201)
  create(@Body(new ZodPipe(ZRunConfig, 'run config')) config: TRunConfig): Promise<TRun> {
    return this.runs.create(config);
  }

  @Get(':id')
  get(@Param(idPipe) params: { id: string }): Promise<TRun> {
    return this.runs.get(params.id);
  }

  @Get(':id/scalars')
  scalars(
    @Param(idPipe) params: { id: string },
    @Query(new ZodPipe(ZScalarQuery, 'query')) query: TScalarQuery,
  ): Promise<TScalarSeries> {
    return this.runs.scalarSeries(params.id, query);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param(idPipe) params: { id: string }): Promise<TRun> {
    return this.runs.cancel(params.id);
  }
}
