import { Controller, Get, Header, HttpStatus, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ERROR_CODES,
  ZFeatureMapsQuery,
  ZFilterGridQuery,
  ZHistogramQuery,
  ZRunIdParam,
  ZSnapshotParams,
  type TFeatureMapsQuery,
  type TFilterGridQuery,
  type THistogramQuery,
  type THistogramSeries,
  type TRunTags,
  type TSnapshotList,
} from '@tensorscope/shared';
import { ApiError } from '../common/api-error';
import { ZodPipe } from '../common/zod.pipe';
import { InspectService } from './inspect.service';

const idPipe = new ZodPipe(ZRunIdParam, 'run id');
const stepPipe = new ZodPipe(ZSnapshotParams.omit({ layer: true }), 'snapshot path');

/** `<layer>.png` path parts → validated (id, step, layer). */
function pngParams(raw: { id: string; step: string; file: string }, what: string) {
  if (!raw.file.endsWith('.png')) {
    throw new ApiError(HttpStatus.NOT_FOUND, { code: ERROR_CODES.notFound, message: `${what} are served as <layer>.png` });
  }
  return new ZodPipe(ZSnapshotParams, 'snapshot path').transform({ ...raw, layer: raw.file.slice(0, -4) });
}

/** Layer inspection: tag lists, histograms, snapshots and their images. */
@Controller('api/runs')
export class InspectController {
  constructor(private readonly inspect: InspectService) {}

  @Get(':id/tags')
  tags(@Param(idPipe) params: { id: string }): Promise<TRunTags> {
    return this.inspect.tags(params.id);
  }

  @Get(':id/histograms')
  histograms(
    @Param(idPipe) params: { id: string },
    @Query(new ZodPipe(ZHistogramQuery, 'query')) query: THistogramQuery,
  ): Promise<THistogramSeries> {
    return this.inspect.histograms(params.id, query);
  }

  @Get(':id/snapshots')
  snapshots(@Param(idPipe) params: { id: string }): Promise<TSnapshotList> {
    return this.inspect.snapshots(params.id);
  }

  @Get(':id/snapshots/:step/model.json')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  modelJson(@Param() raw: { id: string; step: string }): Promise<object> {
    const params = stepPipe.transform(raw);
    return this.inspect.modelJson(params.id, params.step);
  }

  @Get(':id/snapshots/:step/weights.bin')
  @Header('Content-Type', 'application/octet-stream')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  async modelWeights(@Param() raw: { id: string; step: string }): Promise<StreamableFile> {
    const params = stepPipe.transform(raw);
    return new StreamableFile(await this.inspect.modelWeights(params.id, params.step));
  }

  @Get(':id/snapshots/:step/activations/:file')
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  async featureMaps(
    @Param() raw: { id: string; step: string; file: string },
    @Query(new ZodPipe(ZFeatureMapsQuery, 'query')) query: TFeatureMapsQuery,
  ): Promise<StreamableFile> {
    const params = pngParams(raw, 'feature maps');
    return new StreamableFile(await this.inspect.featureMaps(params.id, params.step, params.layer, query));
  }

  @Get(':id/snapshots/:step/filters/:file')
  @Header('Content-Type', 'image/png')
  // A snapshot never changes once stored, so browsers may keep the image for good.
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  async filterGrid(
    @Param() raw: { id: string; step: string; file: string },
    @Query(new ZodPipe(ZFilterGridQuery, 'query')) query: TFilterGridQuery,
  ): Promise<StreamableFile> {
    const params = pngParams(raw, 'filter grids');
    return new StreamableFile(await this.inspect.filterGrid(params.id, params.step, params.layer, query));
  }
}
