import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ZChannelStats,
  ERROR_CODES,
  ZRunConfig,
  type TFeatureMapsQuery,
  type TLayerProbe,
  type TLayerProbeQuery,
  type TFilterGridQuery,
  type THistogramQuery,
  type THistogramSeries,
  type TRunTags,
  type TRunConfig,
  type TSnapshotList,
} from '@tensorscope/shared';
import {
  InspectInputError,
  MAX_IMAGE_PIXELS,
  filterGridLayout,
  initBackend,
  renderFilterGrid,
  probeRunLayer,
  renderRunFeatureMaps,
  type StoredModel,
} from '@tensorscope/ml';
import type { TBackendName } from '@tensorscope/shared';
import { join } from 'node:path';
import { ENV, type TEnv } from '../env';

import { ApiError } from '../common/api-error';
import { RunRepository } from '../runs/run.repository';
import { InspectRepository } from './inspect.repository';

/** What the trainer stored as the run's input normalisation (ml's ChannelStats). */

@Injectable()
export class InspectService {
  private backend: Promise<TBackendName> | null = null;

  constructor(
    private readonly runs: RunRepository,
    private readonly inspect: InspectRepository,
    @Inject(ENV) private readonly env: TEnv,
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
    const run = await this.runs.findById(id);
    if (!run) throw ApiError.notFound('run', id);
    // Names and shapes only: the manifest must not read the snapshot's megabytes of weights.
    const snapshot = (await this.inspect.listSnapshots(id)).find((s) => s.step === step);
    if (!snapshot || run.topology === null) throw ApiError.notFound('snapshot', `at step ${step} of run ${id}`);
    return {
      format: 'layers-model',
      generatedBy: 'Tensorscope',
      convertedBy: null,
      modelTopology: run.topology,
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

  /**
   * One test image through a stored snapshot: what `layer` computes, one tile per channel.
   * Inference of a single image, so it runs here; the dataset and backend load once per process.
   */
  async featureMaps(id: string, step: number, layer: string, query: TFeatureMapsQuery): Promise<Buffer> {
    return this.withStoredModel(id, step, (config, env, stored) =>
      renderRunFeatureMaps(config, env, stored, layer, query.image, query.zoom),
    );
  }

  /** What the feature maps of `layer` are of: the test image, its label, and a small flat layer's values. */
  async layerProbe(id: string, step: number, layer: string, query: TLayerProbeQuery): Promise<TLayerProbe> {
    const probe = await this.withStoredModel(id, step, (config, env, stored) => probeRunLayer(config, env, stored, layer, query.image));
    return {
      image: query.image,
      label: probe.label,
      input: `data:image/png;base64,${probe.inputPng.toString('base64')}`,
      shape: probe.shape,
      values: probe.values,
    };
  }

  /**
   * Runs `op` on a stored snapshot of the run, with its config and data directory; inference of a
   * single image, so it runs here (the dataset and backend load once per process). The ml side's
   * InspectInputError (unknown layer, bad image, zoom too big) is the caller's 400.
   */
  private async withStoredModel<T>(
    id: string,
    step: number,
    op: (config: TRunConfig, env: { cacheDir: string }, stored: StoredModel) => Promise<T>,
  ): Promise<T> {
    const run = await this.runs.findById(id);
    if (!run) throw ApiError.notFound('run', id);
    const snapshot = await this.inspect.readSnapshot(id, step);
    const inputStats = ZChannelStats.safeParse(snapshot?.inputStats);
    if (!snapshot || !inputStats.success) throw ApiError.notFound('snapshot', `at step ${step} of run ${id}`);
    this.backend ??= initBackend(this.env.TENSORSCOPE_BACKEND);
    await this.backend;
    try {
      return await op(
        ZRunConfig.parse(run.config),
        { cacheDir: join(this.env.DATA_DIR, 'cache') },
        { topology: snapshot.topology, tensors: snapshot.tensors, channelStats: inputStats.data },
      );
    } catch (e) {
      if (e instanceof InspectInputError) {
        throw new ApiError(HttpStatus.BAD_REQUEST, { code: ERROR_CODES.badRequest, message: e.message });
      }
      throw e;
    }
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
    const filters = kernel.shape[3]!;
    if (query.filter !== undefined && query.filter >= filters) {
      throw new ApiError(HttpStatus.BAD_REQUEST, {
        code: ERROR_CODES.badRequest,
        message: `filter ${query.filter} does not exist: ${layer} has ${filters} filters (0 to ${filters - 1})`,
      });
    }
    const { width, height } = filterGridLayout(kernel.shape, query.zoom, query.filter);
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
