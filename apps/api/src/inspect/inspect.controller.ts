import { applyDecorators, Controller, Get, Header, HttpStatus, Param, StreamableFile } from '@nestjs/common';
import {
  ERROR_CODES,
  ZFeatureMapsQuery,
  ZFilterGridQuery,
  ZHistogramQuery,
  ZLayerProbeQuery,
  ZSnapshotParams,
  type TLayerProbe,
  type TLayerProbeQuery,
  type TFeatureMapsQuery,
  type TFilterGridQuery,
  type THistogramQuery,
} from '@tensorscope/shared';
import { ApiError } from '../common/api-error';
import { ValidQuery } from '../common/valid-query.param';
import { ZodPipe } from '../common/zod.pipe';
import { RunId } from '../runs/run-id.param';
import { InspectService } from './inspect.service';

const stepPipe = new ZodPipe(ZSnapshotParams.omit({ layer: true }), 'snapshot path');

/** A snapshot never changes once stored, so browsers may keep what is served from it for good. */
const Immutable = () => Header('Cache-Control', 'public, max-age=31536000, immutable');

/** GET `:id/snapshots/:step/<kind>/<layer>.png`: an image rendered from one layer of a snapshot. */
const SnapshotPng = (kind: string) =>
  applyDecorators(Get(`:id/snapshots/:step/${kind}/:file`), Header('Content-Type', 'image/png'), Immutable());

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
  tags(@RunId() id: string) {
    return this.inspect.tags(id);
  }

  @Get(':id/histograms')
  histograms(@RunId() id: string, @ValidQuery(ZHistogramQuery) query: THistogramQuery) {
    return this.inspect.histograms(id, query);
  }

  @Get(':id/snapshots')
  snapshots(@RunId() id: string) {
    return this.inspect.snapshots(id);
  }

  @Get(':id/snapshots/:step/model.json')
  @Immutable()
  modelJson(@Param() raw: { id: string; step: string }): Promise<object> {
    const { id, step } = stepPipe.transform(raw);
    return this.inspect.modelJson(id, step);
  }

  @Get(':id/snapshots/:step/weights.bin')
  @Header('Content-Type', 'application/octet-stream')
  @Immutable()
  async modelWeights(@Param() raw: { id: string; step: string }): Promise<StreamableFile> {
    const { id, step } = stepPipe.transform(raw);
    return new StreamableFile(await this.inspect.modelWeights(id, step));
  }

  @SnapshotPng('activations')
  async featureMaps(
    @Param() raw: { id: string; step: string; file: string },
    @ValidQuery(ZFeatureMapsQuery) query: TFeatureMapsQuery,
  ): Promise<StreamableFile> {
    const { id, step, layer } = pngParams(raw, 'feature maps');
    return new StreamableFile(await this.inspect.featureMaps(id, step, layer, query));
  }

  /** JSON beside the feature-map PNG: the input image, its label, a dense layer's values. Immutable too. */
  @Get(':id/snapshots/:step/activations/:layer/probe')
  @Immutable()
  layerProbe(
    @Param() raw: { id: string; step: string; layer: string },
    @ValidQuery(ZLayerProbeQuery) query: TLayerProbeQuery,
  ): Promise<TLayerProbe> {
    const { id, step, layer } = new ZodPipe(ZSnapshotParams, 'snapshot path').transform(raw);
    return this.inspect.layerProbe(id, step, layer, query);
  }

  @SnapshotPng('filters')
  async filterGrid(
    @Param() raw: { id: string; step: string; file: string },
    @ValidQuery(ZFilterGridQuery) query: TFilterGridQuery,
  ): Promise<StreamableFile> {
    const { id, step, layer } = pngParams(raw, 'filter grids');
    return new StreamableFile(await this.inspect.filterGrid(id, step, layer, query));
  }
}
