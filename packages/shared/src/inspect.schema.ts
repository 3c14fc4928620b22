import { z } from 'zod';
import { TEST_IMAGE_INDEX_MAX } from './run-config.schema';
import { safeText } from './safe-text.schema';
import { ZScalarTag } from './scalar.schema';
import { pathStep, queryStep } from './step.schema';

/**
 * Looking inside the layers. Every statistic is an ordinary scalar tag, so it can be charted,
 * overlaid across runs and read over REST like a loss:
 *   weights/<layer>/<param>/<stat>     param: kernel | bias, stat: WEIGHT_STATS
 *   gradients/<layer>/<param>/<stat>   the same, of the loss gradient at that step
 *   activations/<layer>/<stat>         on the run's fixed probe images, stat: ACTIVATION_STATS
 * Histograms (with distribution percentiles) use the tag without the stat:
 *   weights/<layer>/<param>, gradients/<layer>/<param>, activations/<layer>
 */
export const WEIGHT_STATS = ['min', 'max', 'mean', 'std', 'variance'] as const;
export type TWeightStat = (typeof WEIGHT_STATS)[number];
/** `zeros` = fraction of exact zeros (dead ReLU units on the probe set). */
export const ACTIVATION_STATS = ['mean', 'std', 'variance', 'zeros', 'max'] as const;
export type TActivationStat = (typeof ACTIVATION_STATS)[number];
/** recurrent_kernel: the hidden-to-hidden weights of RNN/LSTM/GRU layers (TF.js's name). */
/** A layer's weights by name: kernels and biases, and a batch norm's scale, offset and moving statistics. */
export const PARAM_KINDS = ['kernel', 'recurrent_kernel', 'bias', 'gamma', 'beta', 'moving_mean', 'moving_variance'] as const;
export type TParamKind = (typeof PARAM_KINDS)[number];

export const weightTag = (layer: string, param: TParamKind, stat?: TWeightStat) => `weights/${layer}/${param}${stat ? `/${stat}` : ''}`;
export const gradientTag = (layer: string, param: TParamKind, stat?: TWeightStat) => `gradients/${layer}/${param}${stat ? `/${stat}` : ''}`;
export const activationTag = (layer: string, stat?: TActivationStat) => `activations/${layer}${stat ? `/${stat}` : ''}`;

/** TensorBoard's distribution bands: percentiles at these basis points (0 … 10000 = 100 %). */
export const DISTRIBUTION_BASIS_POINTS = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000] as const;

export const ZHistogram = z.object({
  step: z.number().int(),
  /** Milliseconds since the Unix epoch. */
  wallTime: z.number(),
  min: z.number(),
  max: z.number(),
  /** bins + 1 increasing edges from min to max; counts[i] counts values in [edges[i], edges[i+1]). */
  edges: z.array(z.number()),
  counts: z.array(z.number()),
  /** Values at DISTRIBUTION_BASIS_POINTS, in that order. */
  percentiles: z.array(z.number()),
});
export type THistogram = z.infer<typeof ZHistogram>;

export const ZTaggedHistogram = ZHistogram.extend({ tag: ZScalarTag });
export type TTaggedHistogram = z.infer<typeof ZTaggedHistogram>;

export const ZHistogramQuery = z.strictObject({
  tag: ZScalarTag,
  afterStep: queryStep('afterStep').optional(),
});
export type THistogramQuery = z.infer<typeof ZHistogramQuery>;

export const ZHistogramSeries = z.object({ points: z.array(ZHistogram) });
export type THistogramSeries = z.infer<typeof ZHistogramSeries>;

/** Which tags a run has logged, for building the Layers tab without guessing. */
export const ZRunTags = z.object({ scalars: z.array(z.string()), histograms: z.array(z.string()) });
export type TRunTags = z.infer<typeof ZRunTags>;

/** One parameter tensor of a snapshot. */
export const ZSnapshotTensor = z.object({
  layer: z.string(),
  param: z.enum(PARAM_KINDS),
  shape: z.array(z.number().int()),
});
export type TSnapshotTensor = z.infer<typeof ZSnapshotTensor>;

export const ZSnapshotInfo = z.object({
  step: z.number().int(),
  createdAt: z.string(),
  tensors: z.array(ZSnapshotTensor),
  /** Stored bytes of all its tensors. */
  bytes: z.number().int(),
});
export type TSnapshotInfo = z.infer<typeof ZSnapshotInfo>;
export const ZSnapshotList = z.object({ snapshots: z.array(ZSnapshotInfo) });
export type TSnapshotList = z.infer<typeof ZSnapshotList>;

export const ZFilterGridQuery = z.strictObject({
  /** per-filter: each filter scaled to its own min–max; shared: one scale for the layer. */
  scale: z.enum(['per-filter', 'shared']).default('per-filter'),
  /** Pixels per weight. */
  zoom: z.coerce.number().int('zoom must be an integer').min(1, 'zoom must be at least 1').max(32, 'zoom must be at most 32').default(8),
  /** Only this output filter, its input channels as a near-square grid (checked against the layer's filter count). */
  filter: z.coerce.number().int('filter must be an integer').min(0, 'filter must be ≥ 0').optional(),
});
export type TFilterGridQuery = z.infer<typeof ZFilterGridQuery>;
/** Path parameters (non-strict: the route names them). */
export const ZSnapshotParams = z.object({
  id: safeText('id').uuid('id must be a UUID'),
  step: pathStep('step'),
  layer: safeText('layer').regex(/^[A-Za-z0-9_]+$/, 'layer must be a layer name'),
});

export const ZFeatureMapsQuery = z.strictObject({
  /** Index into the run's CIFAR-10 test split. */
  image: z.coerce
    .number()
    .int('image must be an integer')
    .min(0, 'image must be ≥ 0')
    .max(TEST_IMAGE_INDEX_MAX, `image must be ≤ ${TEST_IMAGE_INDEX_MAX}`)
    .default(0),
  zoom: z.coerce.number().int('zoom must be an integer').min(1, 'zoom must be at least 1').max(32, 'zoom must be at most 32').default(8),
});
export type TFeatureMapsQuery = z.infer<typeof ZFeatureMapsQuery>;

/** GET …/activations/:layer/probe: which test image the feature maps are of. */
export const ZLayerProbeQuery = ZFeatureMapsQuery.pick({ image: true }).strict();
export type TLayerProbeQuery = z.infer<typeof ZLayerProbeQuery>;

/** What a feature-map picture is of: the test image, its label, and a small flat layer's values. */
export const ZLayerProbe = z.object({
  image: z.number().int(),
  /** The image's true class. */
  label: z.number().int(),
  /** The test image as stored (before normalisation): a `data:image/png;base64,…` URL. */
  input: z.string().startsWith('data:image/png;base64,'),
  /** The layer's output for one image: [h, w, channels] or [units]. */
  shape: z.array(z.number().int()),
  /** A flat output's values (dense layers up to 1,024 units: the bars of a bar chart), else null. */
  values: z.array(z.number()).nullable(),
});
export type TLayerProbe = z.infer<typeof ZLayerProbe>;

/** Per-channel mean/std a run normalised its inputs with (stored on the run; feeds a snapshot images). */
export const ZChannelStats = z.object({ mean: z.array(z.number()), std: z.array(z.number()) });
export type TChannelStats = z.infer<typeof ZChannelStats>;
