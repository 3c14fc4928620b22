import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ZRunConfig,
  ZRunIdParam,
  ZRunListQuery,
  ZScalarQuery,
  ZRunUpdate,
  ZRunEventsQuery,
  type TRunEvents,
  type TRunEventsQuery,
  type TRunUpdate,
  type TRun,
  type TRunConfig,
  type TRunList,
  type TRunListQuery,
  type TScalarQuery,
  type TScalarSeries,
} from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { TPrincipal } from '../auth/principal';
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
  @RequireRole('launcher')
  @HttpCode(201)
  create(@CurrentPrincipal() principal: TPrincipal, @Body(new ZodPipe(ZRunConfig, 'run config')) config: TRunConfig): Promise<TRun> {
    return this.runs.create(config, principal);
  }

  /** Archive or restore (owner or admin). */
  @Patch(':id')
  @RequireRole('launcher')
  update(
    @CurrentPrincipal() principal: TPrincipal,
    @Param(idPipe) params: { id: string },
    @Body(new ZodPipe(ZRunUpdate, 'run update')) body: TRunUpdate,
  ): Promise<TRun> {
    return this.runs.update(params.id, body, principal);
  }

  /** Hard delete of a finished run with all it stored (owner or admin). */
  @Delete(':id')
  @RequireRole('launcher')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: TPrincipal, @Param(idPipe) params: { id: string }): Promise<void> {
    await this.runs.delete(params.id, principal);
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

  /** The run's live events after a sequence number: what a reconnecting client missed. */
  @Get(':id/events')
  events(@Param(idPipe) params: { id: string }, @Query(new ZodPipe(ZRunEventsQuery, 'query')) query: TRunEventsQuery): Promise<TRunEvents> {
    return this.runs.events(params.id, query.afterSeq);
  }

  @Post(':id/cancel')
  @RequireRole('launcher')
  @HttpCode(200)
  cancel(@CurrentPrincipal() principal: TPrincipal, @Param(idPipe) params: { id: string }): Promise<TRun> {
    return this.runs.cancel(params.id, principal);
  }
}
