import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ERROR_CODES,
  type TFilterGridQuery,
  type THistogramQuery,
  type THistogramSeries,
  type TRunTags,
  type TSnapshotList,
} from '@tensorscope/shared';
import { filterGridLayout, renderFilterGrid } from '@tensorscope/ml';

/** Larger grids (conv2 at high zoom: 5151×10303) would cost seconds and megabytes per request. */
const MAX_IMAGE_PIXELS = 4_000_000;
import { ApiError } from '../common/api-error';
import { RunRepository } from '../runs/run.repository';
import { InspectRepository } from './inspect.repository';

@Injectable()
export class InspectService {
  constructor(
    private readonly runs: RunRepository,
    private readonly inspect: InspectRepository,
  ) {}

  private async requireRun(id: string): Promise<void> {
    if (!(await this.runs.findById(id))) throw ApiError.notFound('run', id);
  }

  async tags(id: string): Promise<TRunTags> {
    await this.requireRun(id);
    return this.inspect.tags(id);
  }

  async histograms(id: string, query: THistogramQuery): Promise<THistogramSeries> {
    await this.requireRun(id);
    return { points: await this.inspect.readHistograms(id, query.tag, query.afterStep) };
  }

  async snapshots(id: string): Promise<TSnapshotList> {
    await this.requireRun(id);
    return { snapshots: await this.inspect.listSnapshots(id) };
  }

  /**
   * A snapshot in TF.js's own layers-model format: `tf.loadLayersModel(<url>/model.json)` fetches
   * model.json, then weights.bin beside it. Weight names are `<layer>/<param>`, as TF.js names them.
   */
  async modelJson(id: string, step: number): Promise<object> {
    await this.requireRun(id);
    const snapshot = await this.inspect.readSnapshot(id, step);
    if (!snapshot) throw ApiError.notFound('snapshot', `at step ${step} of run ${id}`);
    return {
      format: 'layers-model',
      generatedBy: 'Tensorscope',
      convertedBy: null,
      modelTopology: snapshot.topology,
      weightsManifest: [
        {
          paths: ['weights.bin'],
          weights: snapshot.tensors.map((t) => ({ name: `${t.layer}/${t.param}`, shape: t.shape, dtype: 'float32' })),
        },
      ],
    };
  }

  /** The weights of modelJson's manifest, concatenated in its order. */
  async modelWeights(id: string, step: number): Promise<Buffer> {
    await this.requireRun(id);
    const snapshot = await this.inspect.readSnapshot(id, step);
    if (!snapshot) throw ApiError.notFound('snapshot', `at step ${step} of run ${id}`);
    return Buffer.concat(snapshot.tensors.map((t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength)));
  }

  /** The kernel of a conv layer at a snapshot, drawn as a grid of filters. */
  async filterGrid(id: string, step: number, layer: string, query: TFilterGridQuery): Promise<Buffer> {
    await this.requireRun(id);
    const kernel = await this.inspect.readTensor(id, step, layer, 'kernel');
    if (!kernel) throw ApiError.notFound('snapshot tensor', `${layer}/kernel at step ${step} of run ${id}`);
    if (kernel.shape.length !== 4) {
      throw new ApiError(HttpStatus.BAD_REQUEST, {
        code: ERROR_CODES.badRequest,
        message: `layer ${layer} is not a convolution (kernel shape [${kernel.shape.join(', ')}]); filter grids exist for conv layers only`,
      });
    }
    const { width, height } = filterGridLayout(kernel.shape, query.zoom);
    if (width * height > MAX_IMAGE_PIXELS) {
      throw new ApiError(HttpStatus.BAD_REQUEST, {
        code: ERROR_CODES.badRequest,
        message: `zoom ${query.zoom} makes a ${width}×${height} image for ${layer}; use a smaller zoom`,
        details: { width, height, maxPixels: MAX_IMAGE_PIXELS },
      });
    }
    return renderFilterGrid({ shape: kernel.shape, data: kernel.data }, query);
  }
}
