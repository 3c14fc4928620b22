import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ERROR_CODES,
  ZRunConfig,
  resolveRunNetwork,
  datasetSizesOf,
  deconvPathProblem,
  type TVisualization,
  type TVisualizationCreate,
  type TVisualizationList,
  type TVisualizationParams,
} from '@tensorscope/shared';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { ApiError } from '../common/api-error';
import { InspectRepository } from '../inspect/inspect.repository';
import { JOB_QUEUE, type JobQueue } from '../queue/job-queue.port';
import { RunRepository } from '../runs/run.repository';
import { paramsKey, toVisualization } from './visualization.mapper';
import { VisualizationRepository } from './visualization.repository';

@Injectable()
export class VisualizationService {
  constructor(
    private readonly visualizations: VisualizationRepository,
    private readonly runs: RunRepository,
    private readonly inspect: InspectRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
  ) {}

  /**
   * Answers the cached visualization for this run, snapshot and params when there is one (whatever
   * its status: a failed one is recomputed only when asked), otherwise queues a job for a worker.
   * Everything a worker would trip over (not a CNN, no snapshot, not a conv layer, no such feature
   * map) is refused here, with the field at fault.
   */
  async create(runId: string, input: TVisualizationCreate): Promise<TVisualization> {
    const run = await this.runs.findById(runId);
    if (!run) throw ApiError.notFound('run', runId);
    const config = ZRunConfig.parse(run.config);
    // Confusion matrix and embedding work on every model; Zeiler & Fergus needs conv layers, hidden states a recurrent net.
    // What the network holds decides, not the model family: a custom network may have either or both.
    const network = resolveRunNetwork(config);
    const types = new Set(network.ok ? network.network.layers.map((l) => l.type) : []);
    const convKind = input.kind === 'top9' || input.kind === 'image';
    if (convKind && !types.has('conv2d'))
      throw ApiError.validation('visualization', [
        { path: 'kind', message: `run ${runId} (${config.model}) has no conv2d layer; these visualisations need conv layers` },
      ]);
    if (input.kind === 'hidden-states' && !['rnn', 'lstm', 'gru'].some((t) => types.has(t as 'rnn')))
      throw ApiError.validation('visualization', [
        { path: 'kind', message: `run ${runId} (${config.model}) has no recurrent layer; hidden states need an rnn, lstm or gru layer` },
      ]);
    // An image is one of the run's test images: its dataset's own test split bounds it.
    const testSize = datasetSizesOf(config).test;
    if ('image' in input && input.image >= testSize)
      throw ApiError.validation('visualization', [
        { path: 'image', message: `image must be an index from 0 to ${testSize - 1} (the run's test split has ${testSize} images)` },
      ]);
    const steps = await this.inspect.snapshotSteps(runId);
    if (steps.length === 0)
      throw ApiError.validation('visualization', [{ path: 'step', message: `run ${runId} has no weight snapshot yet` }]);
    const step = input.step ?? steps[steps.length - 1]!;
    if (!steps.includes(step))
      throw ApiError.validation('visualization', [
        { path: 'step', message: `no snapshot at step ${step}; snapshots: ${steps.join(', ')}` },
      ]);
    if (convKind) {
      await this.checkConvLayer(runId, step, input);
      // Both views project back to the pixels with the deconvnet: refuse what it cannot pass.
      const why = network.ok ? deconvPathProblem(network.layers, network.network, input.layer) : undefined;
      if (why) throw ApiError.validation('visualization', [{ path: 'layer', message: why }]);
    }
    const { step: _step, recompute, ...params } = input;
    const key = paramsKey(params);
    const cached = await this.visualizations.findCached(runId, step, key);
    if (cached && !recompute) return toVisualization(cached);
    const row = await this.visualizations.queue(runId, step, params as TVisualizationParams, key);
    try {
      await this.queue.enqueueVisualize({ visualizationId: row.id });
    } catch (e) {
      await this.visualizations.fail(row.id, `could not queue the job: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
    await this.bus.publish({ type: 'run.visualization', runId, visualizationId: row.id });
    return toVisualization(row);
  }

  /** The layer must be a conv layer of the snapshot, and a feature map asked for must exist in it. */
  private async checkConvLayer(runId: string, step: number, input: TVisualizationParams & { kind: 'top9' | 'image' }): Promise<void> {
    const kernel = await this.inspect.readTensor(runId, step, input.layer, 'kernel');
    if (!kernel || kernel.shape.length !== 4)
      throw ApiError.validation('visualization', [
        { path: 'layer', message: `${input.layer} is not a conv layer of this run (conv layers have 4-D kernels)` },
      ]);
    const maps = kernel.shape[3]!;
    if (input.kind === 'image' && input.featureMap !== undefined && input.featureMap >= maps)
      throw ApiError.validation('visualization', [
        { path: 'featureMap', message: `${input.layer} has ${maps} feature maps (0–${maps - 1})` },
      ]);
  }

  async list(runId: string): Promise<TVisualizationList> {
    if (!(await this.runs.findById(runId))) throw ApiError.notFound('run', runId);
    return { items: (await this.visualizations.list(runId)).map(toVisualization) };
  }

  async get(id: string): Promise<TVisualization> {
    const row = await this.visualizations.findById(id);
    if (!row) throw ApiError.notFound('visualization', id);
    return toVisualization(row);
  }

  async image(id: string, name: string): Promise<Buffer> {
    const png = await this.visualizations.image(id, name);
    if (png) return png;
    const row = await this.visualizations.findById(id);
    if (!row) throw ApiError.notFound('visualization', id);
    if (row.status !== 'completed')
      throw new ApiError(HttpStatus.CONFLICT, {
        code: ERROR_CODES.conflict,
        message: `visualization ${id} is ${row.status}; its images exist once it completes`,
      });
    throw ApiError.notFound('visualization image', `${name} of ${id}`);
  }
}
