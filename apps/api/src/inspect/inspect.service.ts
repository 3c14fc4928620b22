import { HttpStatus, Injectable } from '@nestjs/common';
import {
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
import { MAX_IMAGE_PIXELS, filterGridLayout, type TLayerProbe as MlLayerProbe } from '@tensorscope/ml';

import { ApiError } from '../common/api-error';
import { RunRepository } from '../runs/run.repository';
import { InspectRepository } from './inspect.repository';
import { RenderInputError, RenderNotFoundError, RenderThreadError } from './render/render.pool';
import type { TRenderTask } from './render/render.protocol';
import { RenderService, type TRendered } from './render/render.service';

@Injectable()
export class InspectService {
  constructor(
    private readonly runs: RunRepository,
    private readonly inspect: InspectRepository,
    private readonly render: RenderService,
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
    const run = await this.runs.findById(id);
    if (!run) throw ApiError.notFound('run', id);
    const snapshots = await this.inspect.listSnapshots(id);
    // Their feature maps are likely next: have a render thread decode the run's test split meanwhile.
    if (snapshots.length > 0) this.render.warm(ZRunConfig.parse(run.config));
    return { snapshots };
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
   * One test image through a stored snapshot: what `layer` computes, one tile per channel. Rendered
   * in a render thread (TF.js never runs on the request thread) and cached: the same URL again is
   * answered from memory.
   */
  async featureMaps(id: string, step: number, layer: string, query: TFeatureMapsQuery): Promise<Buffer> {
    const config = await this.requireSnapshot(id, step);
    return this.rendered<Buffer>(
      `${id}/${step}/activations/${layer}?image=${query.image}&zoom=${query.zoom}`,
      { kind: 'feature-maps', config, layer, image: query.image, zoom: query.zoom },
      id,
      step,
    );
  }

  /** What the feature maps of `layer` are of: the test image, its label, and a small flat layer's values. */
  async layerProbe(id: string, step: number, layer: string, query: TLayerProbeQuery): Promise<TLayerProbe> {
    const config = await this.requireSnapshot(id, step);
    const probe = await this.rendered<MlLayerProbe>(
      `${id}/${step}/probe/${layer}?image=${query.image}`,
      { kind: 'probe', config, layer, image: query.image },
      id,
      step,
    );
    return {
      image: query.image,
      label: probe.label,
      input: `data:image/png;base64,${probe.inputPng.toString('base64')}`,
      shape: probe.shape,
      values: probe.values,
    };
  }

  /** The run's config, once the run and its snapshot at `step` are known to exist (a cached image must not outlive them). */
  private async requireSnapshot(id: string, step: number): Promise<TRunConfig> {
    const [run, exists] = await Promise.all([this.runs.findById(id), this.inspect.hasSnapshot(id, step)]);
    if (!run) throw ApiError.notFound('run', id);
    if (!exists) throw ApiError.notFound('snapshot', `at step ${step} of run ${id}`);
    return ZRunConfig.parse(run.config);
  }

  /**
   * A render-thread task, cached under `key`. The ml side's InspectInputError (unknown layer, bad
   * image, zoom too big) is the caller's 400, a snapshot gone meanwhile a 404, a crashed or hung
   * render thread a 500 (the thread is replaced); a database outage stays one (503).
   */
  private async rendered<T extends TRendered>(key: string, task: TRenderTask, id: string, step: number): Promise<T> {
    try {
      return await this.render.render<T>(key, task, task.kind === 'filter-grid' ? null : { runId: id, step });
    } catch (e) {
      if (e instanceof RenderInputError) {
        throw new ApiError(HttpStatus.BAD_REQUEST, { code: ERROR_CODES.badRequest, message: e.message });
      }
      if (e instanceof RenderNotFoundError) throw ApiError.notFound('snapshot', `at step ${step} of run ${id}`);
      if (e instanceof RenderThreadError) {
        throw new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, { code: ERROR_CODES.internal, message: e.message });
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
    return this.rendered<Buffer>(
      `${id}/${step}/filters/${layer}?scale=${query.scale}&zoom=${query.zoom}&filter=${query.filter ?? ''}`,
      { kind: 'filter-grid', kernel: { shape: kernel.shape, data: kernel.data }, options: query },
      id,
      step,
    );
  }
}
