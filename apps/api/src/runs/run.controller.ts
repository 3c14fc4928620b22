import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ZRunConfig,
  ZRunListQuery,
  ZScalarQuery,
  ZRunUpdate,
  ZRunEventsQuery,
  ZRunLogQuery,
  type TRunEvents,
  type TRunLogQuery,
  type TRunLogs,
  type TRunEventsQuery,
  type TRunUpdate,
  type TRun,
  type TRunConfig,
  type TRunListQuery,
  type TScalarQuery,
  type TScalarSeries,
} from '@tensorscope/shared';
import { ValidQuery } from '../common/valid-query.param';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { TPrincipal } from '../auth/principal';
import { RunId } from './run-id.param';
import { RunService } from './run.service';

/** Thin: validation by shared schemas, everything else in RunService. */
@Controller('api/runs')
export class RunController {
  constructor(private readonly runs: RunService) {}

  /** A TRunList, sent as the JSON text the service keeps (see RunListCache). */
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@ValidQuery(ZRunListQuery) query: TRunListQuery): Promise<string> {
    return this.runs.listJson(query);
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
    @RunId() id: string,
    @Body(new ZodPipe(ZRunUpdate, 'run update')) body: TRunUpdate,
  ): Promise<TRun> {
    return this.runs.update(id, body, principal);
  }

  /** Hard delete of a finished run with all it stored (owner or admin). */
  @Delete(':id')
  @RequireRole('launcher')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: TPrincipal, @RunId() id: string): Promise<void> {
    await this.runs.delete(id, principal);
  }

  @Get(':id')
  get(@RunId() id: string): Promise<TRun> {
    return this.runs.get(id);
  }

  @Get(':id/scalars')
  scalars(@RunId() id: string, @ValidQuery(ZScalarQuery) query: TScalarQuery): Promise<TScalarSeries> {
    return this.runs.scalarSeries(id, query);
  }

  /** The run's live events after a sequence number: what a reconnecting client missed. */
  @Get(':id/events')
  events(@RunId() id: string, @ValidQuery(ZRunEventsQuery) query: TRunEventsQuery): Promise<TRunEvents> {
    return this.runs.events(id, query.afterSeq);
  }

  /** What the worker wrote about the run, after a line id (the page polls while the run is live). */
  @Get(':id/logs')
  logs(@RunId() id: string, @ValidQuery(ZRunLogQuery) query: TRunLogQuery): Promise<TRunLogs> {
    return this.runs.logs(id, query.afterId);
  }

  @Post(':id/cancel')
  @RequireRole('launcher')
  @HttpCode(200)
  cancel(@CurrentPrincipal() principal: TPrincipal, @RunId() id: string): Promise<TRun> {
    return this.runs.cancel(id, principal);
  }
}
