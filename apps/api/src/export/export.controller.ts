import { Controller, Get, Res } from '@nestjs/common';
import { ZBulkExportQuery, ZSeriesExportQuery, type TBulkExportQuery, type TSeriesExportQuery } from '@tensorscope/shared';
import type { Response } from 'express';
import { ValidQuery } from '../common/valid-query.param';
import { RunId } from '../runs/run-id.param';
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
  async series(@RunId() id: string, @ValidQuery(ZSeriesExportQuery) query: TSeriesExportQuery, @Res() res: Response): Promise<void> {
    send(res, await this.exports.series(id, query));
  }

  @Get('export')
  async bulk(@ValidQuery(ZBulkExportQuery) query: TBulkExportQuery, @Res() res: Response): Promise<void> {
    send(res, await this.exports.bulk(query));
  }
}
