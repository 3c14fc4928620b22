import type { OpenAPIObject } from '@nestjs/swagger';
import {
  COMPARE_COLUMNS_MEDIA_TYPE,
  SCALAR_TAGS,
  ZApiError,
  ZHistogramSeries,
  ZModelName,
  ZRun,
  ZRunLogs,
  ZRunConfig,
  ZRunList,
  ZRunStatus,
  ZRunTags,
  ZScalarSeries,
  ZSnapshotList,
  ZLayerProbe,
  ZSweep,
  ZSweepCreate,
  ZSweepList,
  ZCompareResult,
  ZVisualization,
  ZVisualizationCreate,
  ZVisualizationList,
} from '@tensorscope/shared';
import { z } from 'zod';
import { accountPaths, accountSchemas, runManagementOperations, securitySchemes } from './openapi-accounts';
import { datasetPaths, datasetSchemas } from './openapi-datasets';
import {
  error,
  exportFormatParam,
  idParam,
  json,
  layerParam,
  nameParam,
  pngContent,
  smootherParam,
  smoothingParam,
  stepParam,
  stepRangeParams,
  testImageParam,
  csvHeaderParam,
  zoomParam,
} from './openapi.parts';

/** The OpenAPI document is generated from the same zod schemas that validate requests, so it cannot drift. */
const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;

export function buildOpenApi(): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tensorscope API',
      version: '0.1.0',
      description:
        'Launch training runs, follow them, and read their history. Live updates: socket.io on the same port (auth: {token}). Every route but sign-in and health needs a bearer token or the session cookie.',
    },
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/api/runs': {
        get: {
          summary: 'List runs, newest first',
          parameters: [
            { name: 'status', in: 'query', schema: schema(ZRunStatus) },
            { name: 'model', in: 'query', schema: schema(ZModelName) },
            { name: 'name', in: 'query', description: 'case-insensitive substring', schema: { type: 'string' } },
            { name: 'sweepId', in: 'query', description: 'only the runs of this sweep', schema: { type: 'string', format: 'uuid' } },
            {
              name: 'filter',
              in: 'query',
              description:
                'filter expression: config fields (hiddenSize >= 256), final metrics (test/accuracy > 0.9), best(tag), status, name ~ text, tag = x; and, or, not, in (…), not in (…); a field a run lacks never matches',
              schema: { type: 'string', maxLength: 1000 },
            },
            {
              name: 'sort',
              in: 'query',
              description:
                'createdAt (default: -createdAt), startedAt, finishedAt, name, status, a config field, test/accuracy, best(tag); "-" for descending; runs without the value last',
              schema: { type: 'string' },
            },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
          ],
          responses: { '200': { description: 'a page of runs', content: json('RunList') }, '400': error('invalid query') },
        },
        post: {
          summary: 'Create a run and queue it for training',
          description:
            'A blank or missing `name` is generated from the config: the model and its shape, the optimizer, then learning rate, batch size, epochs, dropout, gradient clipping and train subset where they differ from the defaults (e.g. `lstm-256x2-adam-lr0.01`). The answer’s `queuePosition` is the run’s place in line for a worker.',
          requestBody: { required: true, content: json('RunConfigInput') },
          responses: {
            '201': { description: 'the queued run', content: json('Run') },
            '400': error('invalid config, one message per field in details'),
          },
        },
      },
      '/api/runs/{id}': {
        get: {
          summary: 'One run: config, status, backend, timings, final metrics',
          parameters: [idParam],
          responses: { '200': { description: 'the run', content: json('Run') }, '400': error('malformed id'), '404': error('no such run') },
        },
        ...runManagementOperations(),
      },
      ...accountPaths(),
      ...datasetPaths(),
      '/api/runs/{id}/scalars': {
        get: {
          summary: 'A scalar series of a run, in step order',
          parameters: [
            idParam,
            {
              name: 'tag',
              in: 'query',
              required: true,
              description: `core: ${SCALAR_TAGS.join(', ')}; layer statistics: weights/<layer>/<param>/<stat>, gradients/<layer>/<param>/<stat>, activations/<layer>/<stat> (see /tags)`,
              schema: { type: 'string' },
            },
            { name: 'afterStep', in: 'query', schema: { type: 'integer' }, description: 'only points after this step' },
            { ...smoothingParam, description: 'smoothing weight, applied to the full series first: same points, smoothed values' },
            { ...smootherParam, description: "ema = TensorBoard's debiased EMA; twema = step-weighted EMA; sma = centred moving average" },
            {
              name: 'buckets',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 10000 },
              description: 'extremes-preserving downsampling: ≤ 4 points (first, last, min, max) per bucket',
            },
            ...stepRangeParams,
          ],
          responses: {
            '200': { description: 'points', content: json('ScalarSeries') },
            '400': error('invalid tag'),
            '404': error('no such run'),
          },
        },
      },
      '/api/runs/{id}/scalars/export': {
        get: {
          summary:
            "One series as a file, in TensorBoard's layouts (CSV with TensorBoard's exact header Wall time,Step,Value, or wall_time,step,value with header=snake; JSON [[wall_time, step, value]]; wall time in seconds)",
          parameters: [
            idParam,
            { name: 'tag', in: 'query', required: true, schema: { type: 'string' } },
            exportFormatParam,
            csvHeaderParam('tensorboard'),
            smoothingParam,
            smootherParam,
          ],
          responses: { '200': { description: 'attachment' }, '400': error('bad query'), '404': error('no such run') },
        },
      },
      '/api/export': {
        get: {
          summary:
            'Many runs × tags in one file: CSV run_id,run_name,tag,wall_time,step,value (header=tensorboard: Run id,Run,Tag,Wall time,Step,Value), or JSON {series:[…]}',
          parameters: [
            { name: 'runs', in: 'query', required: true, schema: { type: 'string' }, description: 'comma-separated run ids' },
            { name: 'tags', in: 'query', required: true, schema: { type: 'string' }, description: 'comma-separated tags' },
            exportFormatParam,
            csvHeaderParam('snake'),
            smoothingParam,
            smootherParam,
          ],
          responses: { '200': { description: 'attachment' }, '400': error('bad query'), '404': error('a run does not exist') },
        },
      },
      '/api/runs/{id}/tags': {
        get: {
          summary: 'Scalar and histogram tags this run has logged',
          parameters: [idParam],
          responses: { '200': { description: 'tags', content: json('RunTags') }, '404': error('no such run') },
        },
      },
      '/api/runs/{id}/histograms': {
        get: {
          summary: 'Histograms (with distribution percentiles) of one tensor over steps',
          parameters: [
            idParam,
            {
              name: 'tag',
              in: 'query',
              required: true,
              schema: { type: 'string' },
              description: 'weights/<layer>/<param>, gradients/<layer>/<param> or activations/<layer>',
            },
            { name: 'afterStep', in: 'query', schema: { type: 'integer' } },
          ],
          responses: {
            '200': { description: 'histograms in step order', content: json('HistogramSeries') },
            '400': error('invalid tag'),
            '404': error('no such run'),
          },
        },
      },
      '/api/runs/{id}/snapshots': {
        get: {
          summary: 'Stored weight snapshots (metadata)',
          parameters: [idParam],
          responses: { '200': { description: 'snapshots in step order', content: json('SnapshotList') }, '404': error('no such run') },
        },
      },
      '/api/runs/{id}/snapshots/{step}/model.json': {
        get: {
          summary: 'A snapshot as a TF.js layers model: tf.loadLayersModel(<this url>) also fetches weights.bin beside it',
          parameters: [idParam, stepParam],
          responses: { '200': { description: 'model.json (topology + weights manifest)' }, '404': error('no such run or snapshot') },
        },
      },
      '/api/runs/{id}/snapshots/{step}/weights.bin': {
        get: {
          summary: "The snapshot's float32 weights, in model.json's manifest order",
          parameters: [idParam, stepParam],
          responses: {
            '200': {
              description: 'binary weights',
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            },
            '404': error('no such run or snapshot'),
          },
        },
      },
      '/api/runs/{id}/snapshots/{step}/activations/{layer}.png': {
        get: {
          summary: 'What a layer computes for one test image at a snapshot: one gray tile per channel (dense layers: one strip)',
          parameters: [idParam, stepParam, layerParam, testImageParam, zoomParam],
          responses: {
            '200': { description: 'PNG image', content: pngContent },
            '400': error('unknown layer, image out of range, or image too large'),
            '404': error('no such run or snapshot'),
          },
        },
      },
      '/api/runs/{id}/snapshots/{step}/activations/{layer}/probe': {
        get: {
          summary:
            'What the feature maps of a layer are of: the test image as stored (a PNG data URL), its true label, the output shape, and a dense layer’s values (up to 1,024 units)',
          parameters: [idParam, stepParam, layerParam, testImageParam],
          responses: {
            '200': { description: 'the image, its label and the layer output', content: json('LayerProbe') },
            '400': error('unknown layer or image out of range'),
            '404': error('no such run or snapshot'),
          },
        },
      },
      '/api/runs/{id}/snapshots/{step}/filters/{layer}.png': {
        get: {
          summary: "A conv layer's filters at a snapshot, as a PNG grid",
          parameters: [
            idParam,
            stepParam,
            layerParam,
            { name: 'scale', in: 'query', schema: { type: 'string', enum: ['per-filter', 'shared'], default: 'per-filter' } },
            zoomParam,
            {
              name: 'filter',
              in: 'query',
              schema: { type: 'integer', minimum: 0 },
              description:
                'only this output filter: its input channels as a near-square grid of tiles (for reading one filter of a deep layer)',
            },
          ],
          responses: {
            '200': { description: 'PNG image', content: pngContent },
            '400': error('not a conv layer, no such filter, or bad query'),
            '404': error('no such run, snapshot or layer'),
          },
        },
      },
      '/api/runs/{id}/logs': {
        get: {
          summary: 'What the worker wrote about the run (claimed, backend, resumed, lease lost, ended, failed), oldest first',
          parameters: [
            idParam,
            { name: 'afterId', in: 'query', description: 'only lines after this id', schema: { type: 'integer', minimum: 0 } },
          ],
          responses: { '200': { description: 'log lines', content: json('RunLogs') }, '404': error('no such run') },
        },
      },
      '/api/runs/{id}/cancel': {
        post: {
          summary: 'Cancel a queued or running run (what was logged stays)',
          parameters: [idParam],
          responses: {
            '200': { description: 'the run after the request', content: json('Run') },
            '404': error('no such run'),
            '409': error('run already finished'),
          },
        },
      },
      '/api/sweeps': {
        get: {
          summary: 'List sweeps, newest first, with run counts per status',
          responses: { '200': { description: 'sweeps', content: json('SweepList') } },
        },
        post: {
          summary: 'Create a sweep: one queued run per combination of the axes’ values',
          description:
            'Every combination is validated as a run config first; if any is invalid nothing is created and details name the axis value (`axes.<i>.values.<j>`) or base field (`base.<field>`) at fault.',
          requestBody: { required: true, content: json('SweepCreate') },
          responses: {
            '201': {
              description: 'the sweep and its queued runs',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      sweep: { $ref: '#/components/schemas/Sweep' },
                      runs: { type: 'array', items: { $ref: '#/components/schemas/Run' } },
                    },
                  },
                },
              },
            },
            '400': error('invalid sweep or combination'),
          },
        },
      },
      '/api/sweeps/{id}': {
        get: {
          summary: 'One sweep (its runs: GET /api/runs?sweepId=…)',
          parameters: [idParam],
          responses: {
            '200': { description: 'the sweep', content: json('Sweep') },
            '400': error('malformed id'),
            '404': error('no such sweep'),
          },
        },
      },
      '/api/runs/{id}/visualizations': {
        get: {
          summary: 'Zeiler & Fergus visualisations and evaluation views of a run (cached jobs), newest first',
          parameters: [idParam],
          responses: { '200': { description: 'visualizations', content: json('VisualizationList') }, '404': error('no such run') },
        },
        post: {
          summary: 'Queue a visualisation at a snapshot (default: the newest), or answer the cached one',
          description:
            '`top9`: per feature map of a conv layer, the 9 test images with the strongest activation, each with its deconvnet projection (pooling switches, ReLU, transposed filters) and input patch. `image`: one test image’s deconv projection, occlusion sensitivity (true-class probability, feature-map activation, most probable label), saliency, guided backprop and Grad-CAM. Both need a LeNet-5 run. Any model: `evaluation`: the test split (or its first `subset`) classified: confusion matrix `matrix[true][predicted]`, per-class precision / recall (= the class’s accuracy) / F1, and the 200 most confident mistakes with predicted and true label and probabilities (PNG `wrong-<rank>` each); `embedding`: the first `images` (≤ 2,000) test images’ outputs of the layer feeding the classifier, projected on their first two principal components (`method: pca`, default) or laid out by UMAP (`method: umap`, umap-js). Recurrent runs: `hidden-states`: one test image read row by row, every recurrent layer’s hidden state (LSTM: cell state and input/forget/candidate/output gates; GRU: update/reset/candidate) at each of the 28 steps as heat-map PNGs (`<layer>-<series>`, rows = steps), and the classifier’s softmax after each step. A cached result for the same snapshot and params comes back as it is unless `recompute` is true.',
          parameters: [idParam],
          requestBody: { required: true, content: json('VisualizationCreate') },
          responses: {
            '202': { description: 'the queued (or cached) visualization', content: json('Visualization') },
            '400': error(
              'top9/image on a run without conv layers, hidden-states on one without recurrent layers, no snapshot, not a conv layer, feature map out of range',
            ),
            '404': error('no such run'),
          },
        },
      },
      '/api/visualizations/{id}': {
        get: {
          summary: 'One visualization: status, progress, result',
          parameters: [idParam],
          responses: { '200': { description: 'the visualization', content: json('Visualization') }, '404': error('no such visualization') },
        },
      },
      '/api/visualizations/{id}/images/{name}.png': {
        get: {
          summary:
            'A PNG of a completed visualization (deconv-<map>-<rank>, patch-<map>-<rank>, input, deconv, patch, occlusion-*, saliency, guided-backprop, grad-cam; wrong-<rank> of an evaluation; input, <layer>-<series> of hidden states)',
          parameters: [idParam, nameParam],
          responses: {
            '200': { description: 'PNG', content: pngContent },
            '404': error('no such visualization or image'),
            '409': error('not completed yet'),
          },
        },
      },
      '/api/compare': {
        get: {
          summary: 'Many runs × tags in one answer, downsampled and optionally smoothed on the server',
          description:
            'Each series keeps first, last, min and max of every bucket (spikes are never hidden). Smoothing runs on the full-resolution series (`smoothedOn: full`, exactly as /scalars) while the answer’s raw-point budget lasts, smallest series first; longer series are read from pre-aggregated rollups and smoothed over count-weighted bucket means (`smoothedOn: buckets`).',
          parameters: [
            { name: 'runs', in: 'query', required: true, description: 'comma-separated run ids (≤ 200)', schema: { type: 'string' } },
            { name: 'tags', in: 'query', required: true, description: 'comma-separated tags (≤ 20)', schema: { type: 'string' } },
            smoothingParam,
            smootherParam,
            {
              name: 'buckets',
              in: 'query',
              description: 'about the chart width in pixels',
              schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
            },
            ...stepRangeParams,
          ],
          responses: {
            '200': {
              description: `the series; with \`Accept: ${COMPARE_COLUMNS_MEDIA_TYPE}\` the same answer as binary columns (what the dashboard reads, see compare-columns.codec in the shared package)`,
              content: { ...json('CompareResult'), [COMPARE_COLUMNS_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
            },
            '400': error('invalid query'),
          },
        },
      },
    },
    components: {
      securitySchemes,
      schemas: {
        ...accountSchemas(schema),
        ...datasetSchemas(schema),
        Run: schema(ZRun),
        RunLogs: schema(ZRunLogs),
        RunList: schema(ZRunList),
        RunConfigInput: schema(ZRunConfig, 'input'),
        ScalarSeries: schema(ZScalarSeries),
        ApiError: schema(ZApiError),
        RunTags: schema(ZRunTags),
        HistogramSeries: schema(ZHistogramSeries),
        SnapshotList: schema(ZSnapshotList),
        LayerProbe: schema(ZLayerProbe),
        SweepCreate: schema(ZSweepCreate, 'input'),
        Sweep: schema(ZSweep),
        SweepList: schema(ZSweepList),
        CompareResult: schema(ZCompareResult),
        VisualizationCreate: schema(ZVisualizationCreate, 'input'),
        Visualization: schema(ZVisualization),
        VisualizationList: schema(ZVisualizationList),
      },
    },
  } as unknown as OpenAPIObject;
}
