import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ZVisualizationCreate,
  ZVisualizationIdParam,
  ZVisualizationImageParam,
  type TVisualization,
  type TVisualizationCreate,
  type TVisualizationList,
} from '@tensorscope/shared';
import { ZodPipe } from '../common/zod.pipe';
import { RequireRole } from '../auth/auth.decorators';
import { RunId } from '../runs/run-id.param';
import { VisualizationService } from './visualization.service';

/** Thin: shared schemas validate; VisualizationService queues, caches and serves. */
@Controller('api')
export class VisualizationController {
  constructor(private readonly visualizations: VisualizationService) {}

  @Post('runs/:id/visualizations')
  @RequireRole('launcher')
  @HttpCode(202)
  create(
    @RunId() id: string,
    @Body(new ZodPipe(ZVisualizationCreate, 'visualization')) body: TVisualizationCreate,
  ): Promise<TVisualization> {
    return this.visualizations.create(id, body);
  }

  @Get('runs/:id/visualizations')
  list(@RunId() id: string): Promise<TVisualizationList> {
    return this.visualizations.list(id);
  }

  @Get('visualizations/:id')
  get(@Param(new ZodPipe(ZVisualizationIdParam, 'visualization id')) params: { id: string }): Promise<TVisualization> {
    return this.visualizations.get(params.id);
  }

  /** A recompute resets the row and its images, so the id names one computation: cache for a day. */
  @Get('visualizations/:id/images/:name.png')
  @Header('content-type', 'image/png')
  @Header('cache-control', 'public, max-age=86400')
  async image(
    @Param(new ZodPipe(ZVisualizationImageParam, 'image')) params: { id: string; name: string },
    @Res() res: Response,
  ): Promise<void> {
    res.send(await this.visualizations.image(params.id, params.name));
  }
}
