import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ZBulkExportQuery, ZRunIdParam, ZSeriesExportQuery, type TBulkExportQuery, type TSeriesExportQuery } from '@tensorscope/shared';
import type { Response } from 'express';
import { ZodPipe } from '../common/zod.pipe';
import { ExportService, type TExportFile } from './export.service';

function send(res: Response, file: TExportFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.send(file.body);
}

/** Downloads: one series in TensorBoard's CSV/JSON layouts, or many runs × tags in one file. */
@Controller('api')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('runs/:id/scalars/export')
  async series(
    @Param(new ZodPipe(ZRunIdParam, 'run id')) params: { id: string },
    @Query(new ZodPipe(ZSeriesExportQuery, 'query')) query: TSeriesExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.exports.series(params.id, query));
  }

  @Get('export')
  async bulk(@Query(new ZodPipe(ZBulkExportQuery, 'query')) query: TBulkExportQuery, @Res() res: Response): Promise<void> {
    send(res, await this.exports.bulk(query));
  }
}
