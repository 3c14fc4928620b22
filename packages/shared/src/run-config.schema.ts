import { z } from 'zod';
import { safeText } from './safe-text.schema';
import { ZLayerStack } from './network/network-layer.schema';

/** Backends in the order the worker tries them; `auto` walks this list. */
export const BACKENDS = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export const ZBackendName = z.enum(BACKENDS);
export type TBackendName = z.infer<typeof ZBackendName>;
export const ZBackendChoice = z.enum(['auto', ...BACKENDS]);
export type TBackendChoice = z.infer<typeof ZBackendChoice>;

export const ZOptimizer = z.enum(['adam', 'sgd', 'momentum']);
export type TOptimizer = z.infer<typeof ZOptimizer>;

export const CIFAR_TRAIN_SIZE = 50_000;
export const CIFAR_TEST_SIZE = 10_000;
export const MNIST_TRAIN_SIZE = 60_000;
export const MNIST_TEST_SIZE = 10_000;

/** Longest run name (names given, generated, cloned and made by sweeps alike). */
export const RUN_NAME_MAX = 120;

/** Everything that sets how a run trains, shared by every model family. */
const trainingFields = {
  /** Blank or left out: the API names the run from its config (`autoRunName`); stored configs always have one. */
  name: safeText('name').trim().max(RUN_NAME_MAX, `name must be at most ${RUN_NAME_MAX} characters`).default(''),
  optimizer: ZOptimizer.default('adam'),
  learningRate: z.number().gt(0, 'learningRate must be greater than 0').max(10, 'learningRate must be at most 10').default(0.001),
  batchSize: z.number().int('batchSize must be an integer').min(1).max(4096).default(64),
  epochs: z.number().int('epochs must be an integer').min(1).max(1000).default(1),
  /** Steps between two evaluations on the test set. */
  evalInterval: z.number().int('evalInterval must be an integer').min(1).max(1_000_000).default(100),
  /** Steps between two logged train loss/accuracy points. */
  logInterval: z.number().int('logInterval must be an integer').min(1).max(1_000_000).default(10),
  seed: z
    .number()
    .int('seed must be an integer')
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  /** Steps between two layer-statistics points (weights, gradients, activations, histograms). */
  statsInterval: z.number().int('statsInterval must be an integer').min(1).max(1_000_000).default(50),
  /** Full weight snapshots per epoch (evenly spaced); the final weights are always kept. 0 = final only. */
  snapshotsPerEpoch: z.number().int('snapshotsPerEpoch must be an integer').min(0).max(100).default(4),
  /** Fixed, seeded test images on which activation statistics are measured. 0 = none. */
  probeImages: z.number().int('probeImages must be an integer').min(0).max(2000).default(256),
  histogramBins: z.number().int('histogramBins must be an integer').min(2).max(200).default(30),
  /** Retention: once a run holds more than snapshotLimit snapshots, only every snapshotKeepEvery-th
   *  older one is kept (the first and the newest always stay). 0 = keep all. */
  snapshotLimit: z.number().int('snapshotLimit must be an integer').min(0).max(100_000).default(40),
  snapshotKeepEvery: z.number().int('snapshotKeepEvery must be an integer').min(2).max(1000).default(2),
  /** Gradients are rescaled so their global L2 norm is at most this (unset: no clipping). */
  gradClipNorm: z.number().gt(0, 'gradClipNorm must be greater than 0').max(1e6, 'gradClipNorm must be at most 1000000').optional(),
  backend: ZBackendChoice.default('auto'),
};

/** Datasets a run can train on, with their split sizes (the product's real files). */
export const DATASET_SIZES = {
  cifar10: { train: CIFAR_TRAIN_SIZE, test: CIFAR_TEST_SIZE },
  mnist: { train: MNIST_TRAIN_SIZE, test: MNIST_TEST_SIZE },
} as const;
export type TDatasetName = keyof typeof DATASET_SIZES;
/** A built-in dataset's split sizes by catalogue id (undefined for an upload). */
const builtinSizes = (id: string): { train: number; test: number } | undefined =>
  (DATASET_SIZES as Partial<Record<string, { train: number; test: number }>>)[id];

export const ZLenet5Variant = z.enum(['cifar-gray28', 'cifar-rgb32', 'mnist']);
export type TLenet5Variant = z.infer<typeof ZLenet5Variant>;

/** First N images of each split; unset = the whole split. Bounded per dataset by `checkSubsets`. */
const subsetFieldsUpTo = (train: number, test: number) => ({
  /** First N training images (unset: all of them). */
  trainSubset: z.number().int('trainSubset must be an integer').min(1, 'trainSubset must be at least 1').max(train).optional(),
  /** First N test images, the same fixed set at every evaluation (unset: the whole test split). */
  evalSubset: z.number().int('evalSubset must be an integer').min(1, 'evalSubset must be at least 1').max(test).optional(),
});
const subsetFields = subsetFieldsUpTo(MNIST_TRAIN_SIZE, CIFAR_TEST_SIZE);
/** An upload may be larger than the built-ins: its own sizes (datasetFacts) bound a custom run's subsets. */
const UPLOAD_SPLIT_MAX = 100_000_000;
/** The largest test-image index a request may name; each run's own test split bounds it where it is known (the API, the worker). */
export const TEST_IMAGE_INDEX_MAX = UPLOAD_SPLIT_MAX - 1;

/** Subsets larger than the run's dataset split, as field issues. */
function checkSubsets(
  config: { trainSubset?: number | undefined; evalSubset?: number | undefined },
  dataset: string,
  size: { train: number; test: number },
  ctx: z.RefinementCtx,
): void {
  if (config.trainSubset !== undefined && config.trainSubset > size.train)
    ctx.addIssue({
      code: 'custom',
      path: ['trainSubset'],
      message: `trainSubset must be at most ${size.train} (${dataset} has ${size.train} training images)`,
    });
  if (config.evalSubset !== undefined && config.evalSubset > size.test)
    ctx.addIssue({
      code: 'custom',
      path: ['evalSubset'],
      message: `evalSubset must be at most ${size.test} (${dataset} has ${size.test} test images)`,
    });
}

/**
 * A field of the other model family. Configs are strict (an unknown key is a 400, not silently
 * dropped), and for these keys "unknown field" would mislead: the field exists, just not for this
 * model. Declared as never-present so zod reports it on its own path with that message.
 */
const notFor = (model: string, field: string) => z.never({ error: `"${field}" does not apply to model ${model}` }).optional();

export const ZLenet5Config = z
  .strictObject({
    ...trainingFields,
    ...subsetFields,
    model: z.literal('lenet5'),
    /** cifar-gray28: CIFAR-10 in luminance, resized to 28×28; cifar-rgb32: CIFAR-10 as is; mnist: MNIST digits. */
    variant: ZLenet5Variant.default('cifar-gray28'),
    hiddenSize: notFor('lenet5', 'hiddenSize'),
    layers: notFor('lenet5', 'layers'),
    dropout: notFor('lenet5', 'dropout'),
    dataset: notFor('lenet5', 'dataset'),
    network: notFor('lenet5', 'network'),
    datasetFacts: notFor('lenet5', 'datasetFacts'),
  })
  .superRefine((c, ctx) => {
    const dataset = c.variant === 'mnist' ? 'mnist' : 'cifar10';
    checkSubsets(c, dataset, DATASET_SIZES[dataset], ctx);
  });
export type TLenet5Config = z.infer<typeof ZLenet5Config>;

/** Recurrent cells; each reads an MNIST image as a sequence of 28 rows of 28 pixels. */
export const RECURRENT_MODELS = ['rnn', 'lstm', 'gru'] as const;
export type TRecurrentModel = (typeof RECURRENT_MODELS)[number];

const recurrentFields = {
  ...trainingFields,
  ...subsetFields,
  /** Units per recurrent layer. */
  hiddenSize: z
    .number()
    .int('hiddenSize must be an integer')
    .min(1, 'hiddenSize must be at least 1')
    .max(2048, 'hiddenSize must be at most 2048')
    .default(128),
  /** Stacked recurrent layers. */
  layers: z.number().int('layers must be an integer').min(1, 'layers must be 1, 2 or 3').max(3, 'layers must be 1, 2 or 3').default(1),
  /** Dropout on the output of every recurrent layer during training. */
  dropout: z.number().min(0, 'dropout must be ≥ 0').max(0.9, 'dropout must be at most 0.9').default(0),
};
const recurrent = <M extends TRecurrentModel>(model: M) =>
  z
    .strictObject({
      ...recurrentFields,
      model: z.literal(model),
      variant: notFor(model, 'variant'),
      dataset: notFor(model, 'dataset'),
      network: notFor(model, 'network'),
      datasetFacts: notFor(model, 'datasetFacts'),
    })
    .superRefine((c, ctx) => checkSubsets(c, 'mnist', DATASET_SIZES.mnist, ctx));

export const ZRnnConfig = recurrent('rnn');
export const ZLstmConfig = recurrent('lstm');
export const ZGruConfig = recurrent('gru');
export type TRecurrentConfig = z.infer<typeof ZRnnConfig> | z.infer<typeof ZLstmConfig> | z.infer<typeof ZGruConfig>;

/** A catalogue dataset's id: a built-in's name or an upload's UUID. */
export const ZDatasetId = z
  .string({ error: 'dataset must be a dataset id' })
  .regex(
    /^(mnist|cifar10|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    'dataset must be mnist, cifar10 or an uploaded dataset id',
  );

/**
 * What a custom run knows of its dataset, copied from the catalogue when the run is created (a
 * client's value is replaced): the config alone then says what the network reads and how long an
 * epoch is, for the worker, the charts and a clone alike, and the checksum pins the exact files.
 */
export const ZDatasetFacts = z.strictObject({
  name: z.string().max(80),
  inputShape: z.tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(1)]),
  classes: z.array(z.string()).min(2).max(256),
  trainSize: z.number().int().min(1),
  testSize: z.number().int().min(1),
  checksum: z.string().max(128),
});
export type TDatasetFacts = z.infer<typeof ZDatasetFacts>;

/**
 * A custom run's network: a layer stack, or a TF.js/Keras Sequential topology (`model.toJSON()`),
 * which the API imports into a layer stack before the run is stored.
 */
export const ZNetworkSpec = z
  .strictObject(
    { layers: ZLayerStack.optional(), keras: z.unknown().optional() },
    { error: 'network must be {"layers": [...]} or {"keras": <topology>}' },
  )
  .superRefine((n, ctx) => {
    // One object rather than a union, so a bad layer is reported on its own path, not as "no union member matched".
    if ((n.layers === undefined) === (n.keras === undefined))
      ctx.addIssue({ code: 'custom', message: 'network must be {"layers": [...]} or {"keras": <topology>}, one of the two' });
  })
  .transform((n): { layers: z.infer<typeof ZLayerStack> } | { keras: unknown } =>
    n.layers !== undefined ? { layers: n.layers } : { keras: n.keras },
  );
export type TNetworkSpec = z.infer<typeof ZNetworkSpec>;

/** Any network (a layer stack or an imported topology) on any catalogue dataset. */
export const ZCustomConfig = z
  .strictObject({
    ...trainingFields,
    ...subsetFieldsUpTo(UPLOAD_SPLIT_MAX, UPLOAD_SPLIT_MAX),
    model: z.literal('custom'),
    dataset: ZDatasetId,
    network: ZNetworkSpec,
    datasetFacts: ZDatasetFacts.optional(),
    variant: notFor('custom', 'variant'),
    hiddenSize: notFor('custom', 'hiddenSize'),
    layers: notFor('custom', 'layers'),
    dropout: notFor('custom', 'dropout'),
  })
  .superRefine((c, ctx) => {
    const size = c.datasetFacts ? { train: c.datasetFacts.trainSize, test: c.datasetFacts.testSize } : builtinSizes(c.dataset);
    if (size) checkSubsets(c, c.dataset, size, ctx);
  });
export type TCustomConfig = z.infer<typeof ZCustomConfig>;

/** A run's configuration as stored and as posted (with defaults applied). */
export const ZRunConfig = z.discriminatedUnion('model', [ZLenet5Config, ZRnnConfig, ZLstmConfig, ZGruConfig, ZCustomConfig], {
  error: (issue) => (issue.code === 'invalid_union' ? `model must be one of lenet5, ${RECURRENT_MODELS.join(', ')}, custom` : undefined),
});
export type TRunConfig = z.infer<typeof ZRunConfig>;
/** What a client may send: defaults not yet applied. */
export type TRunConfigInput = z.input<typeof ZRunConfig>;
export const MODEL_NAMES = ['lenet5', ...RECURRENT_MODELS, 'custom'] as const;
export const ZModelName = z.enum(MODEL_NAMES);
export type TModelName = z.infer<typeof ZModelName>;

export const isRecurrent = (config: TRunConfig): config is TRecurrentConfig =>
  (RECURRENT_MODELS as readonly string[]).includes(config.model);

/** The catalogue id of the dataset a run trains on. */
export function datasetOf(config: TRunConfig): string {
  if (config.model === 'custom') return config.dataset;
  return config.model === 'lenet5' && config.variant !== 'mnist' ? 'cifar10' : 'mnist';
}

/** Image and class counts of a run's dataset; a custom run's come from its datasetFacts (0 before the API fills them). */
export function datasetSizesOf(config: TRunConfig): { train: number; test: number } {
  if (config.model !== 'custom') return DATASET_SIZES[config.model === 'lenet5' && config.variant !== 'mnist' ? 'cifar10' : 'mnist'];
  const facts = config.datasetFacts;
  return facts ? { train: facts.trainSize, test: facts.testSize } : (builtinSizes(config.dataset) ?? { train: 0, test: 0 });
}

/** Training images a run actually uses (its subset, or the whole split). */
export function trainImagesOf(config: TRunConfig): number {
  return config.trainSubset ?? datasetSizesOf(config).train;
}

/** Test images every evaluation uses. */
export function evalImagesOf(config: TRunConfig): number {
  return config.evalSubset ?? datasetSizesOf(config).test;
}

/** Optimizer steps per epoch (the last batch of an epoch may be short). Maps a step to its epoch. */
export function stepsPerEpoch(config: TRunConfig): number {
  return Math.ceil(trainImagesOf(config) / config.batchSize);
}
