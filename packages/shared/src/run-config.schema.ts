import { z } from 'zod';

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

/** Everything that sets how a run trains, shared by every model family. */
const trainingFields = {
  name: z
    .string()
    .trim()
    .min(1, 'name is required')
    .max(120, 'name must be at most 120 characters'),
  optimizer: ZOptimizer.default('adam'),
  learningRate: z
    .number()
    .gt(0, 'learningRate must be greater than 0')
    .max(10, 'learningRate must be at most 10')
    .default(0.001),
  batchSize: z.number().int('batchSize must be an integer').min(1).max(4096).default(64),
  epochs: z.number().int('epochs must be an integer').min(1).max(1000).default(1),
  /** Steps between two evaluations on the test set. */
  evalInterval: z.number().int('evalInterval must be an integer').min(1).max(1_000_000).default(100),
  /** Steps between two logged train loss/accuracy points. */
  logInterval: z.number().int('logInterval must be an integer').min(1).max(1_000_000).default(10),
  seed: z.number().int('seed must be an integer').min(0).max(2 ** 31 - 1).default(1),
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
  backend: ZBackendChoice.default('auto'),
};

export const ZLenet5Variant = z.enum(['cifar-gray28', 'cifar-rgb32']);
export type TLenet5Variant = z.infer<typeof ZLenet5Variant>;

export const ZLenet5Config = z.object({
  ...trainingFields,
  model: z.literal('lenet5'),
  variant: ZLenet5Variant.default('cifar-gray28'),
  /** First N of the 50,000 CIFAR-10 training images. */
  trainSubset: z.number().int('trainSubset must be an integer').min(1).max(CIFAR_TRAIN_SIZE).default(CIFAR_TRAIN_SIZE),
  /** First N of the 10,000 test images, the same fixed set at every evaluation. */
  evalSubset: z.number().int('evalSubset must be an integer').min(1).max(CIFAR_TEST_SIZE).default(CIFAR_TEST_SIZE),
});
export type TLenet5Config = z.infer<typeof ZLenet5Config>;

/** A run's configuration as stored and as posted (with defaults applied). */
export const ZRunConfig = z.discriminatedUnion('model', [ZLenet5Config]);
export type TRunConfig = z.infer<typeof ZRunConfig>;
/** What a client may send: defaults not yet applied. */
export type TRunConfigInput = z.input<typeof ZRunConfig>;
export const MODEL_NAMES = ['lenet5'] as const;
export const ZModelName = z.enum(MODEL_NAMES);
export type TModelName = z.infer<typeof ZModelName>;
