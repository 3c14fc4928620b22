import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import type { TDataset, TDatasetList } from '@tensorscope/shared';
import type { Request } from 'express';
import { CurrentPrincipal, RequireRole } from '../auth/auth.decorators';
import type { TPrincipal } from '../auth/principal';
import { DatasetService } from './dataset.service';

/** Thin: the catalogue and uploads (multipart, streamed) in DatasetService. */
@Controller('api/datasets')
export class DatasetController {
  constructor(private readonly datasets: DatasetService) {}

  @Get()
  async list(): Promise<TDatasetList> {
    return { items: await this.datasets.list() };
  }

  /** One row per class of its first images (PNG). */
  @Get(':id/samples.png')
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'private, max-age=3600')
  async samples(@Param('id') id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.datasets.samples(id));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<TDataset> {
    return this.datasets.get(id);
  }

  /** multipart/form-data: name, format, files by format (see ZDatasetUploadFields, DATASET_FILE_FIELDS). */
  @Post()
  @RequireRole('launcher')
  @HttpCode(201)
  upload(@CurrentPrincipal() principal: TPrincipal, @Req() req: Request): Promise<TDataset> {
    return this.datasets.upload(req, principal);
  }

  @Delete(':id')
  @RequireRole('launcher')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: TPrincipal, @Param('id') id: string): Promise<void> {
    await this.datasets.delete(id, principal);
  }
}
