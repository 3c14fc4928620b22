import {
  BACKENDS,
  MODEL_NAMES,
  RECURRENT_MODELS,
  ZBackendChoice,
  ZLenet5Variant,
  ZOptimizer,
  type TCustomConfig,
  type TLenet5Config,
  type TRecurrentConfig,
} from './run-config.schema';

/*
 * Everything a client needs to know about each run-config field besides its validation (which is
 * `ZRunConfig`'s): where the form shows it, how it is entered, which models have it, whether a
 * sweep may vary it and what leaving it unset means. The form, the sweep axes, the run's config
 * table and the compare hyperparameter table all derive from this one table, so a new field is
 * the schema plus one entry here.
 */

/** Every key any model's config has. */
export type TRunConfigKey = keyof TLenet5Config | keyof TRecurrentConfig | keyof TCustomConfig;

/** The form's sections, in order. */
export const FIELD_GROUPS = {
  run: 'Run',
  optimization: 'Optimization',
  data: 'Data',
  runtime: 'Logging & runtime',
  inspection: 'Layer inspection',
} as const;
export type TFieldGroup = keyof typeof FIELD_GROUPS;

/** Which models have the field (the schema refuses it for the others). */
export type TFieldModels = 'all' | 'lenet5' | 'recurrent' | 'custom';

/** What an unset optional field means: no limit, or the whole train / test split of the dataset. */
export type TUnsetMeaning = 'off' | 'all-train' | 'all-test';

interface TFieldBase {
  group: TFieldGroup;
  label: string;
  /** One line under the input; dataset-dependent hints (subsets) come from `unset`. */
  hint?: string;
  models: TFieldModels;
  /** Whether a sweep may make it an axis (retention settings are one value for the whole sweep). */
  sweepable: boolean;
}

export type TFieldSpec = TFieldBase &
  (
    | { kind: 'text'; placeholder: string; sweepPlaceholder: string }
    | {
        kind: 'choice';
        options: readonly string[];
        /** Option text where it differs from the value. */
        optionLabels?: Readonly<Record<string, string>>;
        /** The hint for the chosen option (single-run form). */
        optionHints?: Readonly<Record<string, string>>;
        /** The hint when several options may be ticked (sweep form). */
        sweepHint?: string;
      }
    | { kind: 'integer' | 'decimal'; unset?: TUnsetMeaning }
    /** A catalogue dataset, chosen from GET /api/datasets. */
    | { kind: 'dataset' }
    /** A layer stack (the layer editor); sweeps vary its fields by path, e.g. network.layers.0.filters. */
    | { kind: 'network' }
    /** Filled by the API, never entered (shown in the run's config table). */
    | { kind: 'derived' }
  );

const BACKEND_OPTIONS = ZBackendChoice.options;

/** The registry; its key order is the reading order of the form, the config table and compare. */
export const RUN_CONFIG_FIELDS = {
  name: {
    group: 'run',
    label: 'Name',
    kind: 'text',
    models: 'all',
    sweepable: false,
    hint: 'blank: named after its settings',
    placeholder: 'e.g. gray-adam',
    sweepPlaceholder: 'e.g. lstm-sizes',
  },
  model: {
    group: 'run',
    label: 'Model',
    kind: 'choice',
    models: 'all',
    sweepable: true,
    options: MODEL_NAMES,
    optionLabels: { custom: 'custom network' },
    optionHints: {
      lenet5: 'LeNet-5 convolutional network',
      rnn: 'simple RNN cell, reads MNIST digits row by row',
      lstm: 'LSTM cell, reads MNIST digits row by row',
      gru: 'GRU cell, reads MNIST digits row by row',
      custom: 'your own layer stack (or an imported Keras/TF.js topology) on any dataset',
    },
    sweepHint: 'LeNet-5 trains on CIFAR-10 or MNIST; the recurrent cells read MNIST row by row; a custom network any dataset',
  },
  dataset: {
    group: 'run',
    label: 'Dataset',
    kind: 'dataset',
    models: 'custom',
    sweepable: true,
    hint: 'built-in or uploaded (Datasets page)',
  },
  network: {
    group: 'run',
    label: 'Network',
    kind: 'network',
    models: 'custom',
    sweepable: false,
    hint: 'layers, first to last; shapes follow from the dataset',
  },
  datasetFacts: {
    group: 'data',
    label: 'Dataset facts',
    kind: 'derived',
    models: 'custom',
    sweepable: false,
    hint: 'input shape, classes, split sizes and checksum, recorded when the run was created',
  },
  variant: {
    group: 'run',
    label: 'Variant',
    kind: 'choice',
    models: 'lenet5',
    sweepable: true,
    options: ZLenet5Variant.options,
    optionHints: { 'cifar-gray28': 'CIFAR-10 as 28×28 grayscale', 'cifar-rgb32': 'CIFAR-10 as 32×32 RGB', mnist: 'MNIST digits, 28×28' },
  },
  hiddenSize: {
    group: 'run',
    label: 'Hidden size',
    kind: 'integer',
    models: 'recurrent',
    sweepable: true,
    hint: 'units per recurrent layer',
  },
  layers: { group: 'run', label: 'Layers', kind: 'integer', models: 'recurrent', sweepable: true, hint: 'stacked recurrent layers (1–3)' },
  dropout: {
    group: 'run',
    label: 'Dropout',
    kind: 'decimal',
    models: 'recurrent',
    sweepable: true,
    hint: 'on each recurrent layer’s output while training',
  },
  optimizer: {
    group: 'optimization',
    label: 'Optimizer',
    kind: 'choice',
    models: 'all',
    sweepable: true,
    options: ZOptimizer.options,
    optionLabels: { adam: 'Adam', sgd: 'SGD', momentum: 'SGD + momentum' },
  },
  learningRate: { group: 'optimization', label: 'Learning rate', kind: 'decimal', models: 'all', sweepable: true },
  batchSize: { group: 'optimization', label: 'Batch size', kind: 'integer', models: 'all', sweepable: true },
  epochs: { group: 'optimization', label: 'Epochs', kind: 'integer', models: 'all', sweepable: true },
  gradClipNorm: {
    group: 'optimization',
    label: 'Grad clip norm',
    kind: 'decimal',
    models: 'all',
    sweepable: true,
    unset: 'off',
    hint: 'rescale gradients to at most this global L2 norm; blank = off',
  },
  trainSubset: { group: 'data', label: 'Train subset', kind: 'integer', models: 'all', sweepable: true, unset: 'all-train' },
  evalSubset: { group: 'data', label: 'Eval subset', kind: 'integer', models: 'all', sweepable: true, unset: 'all-test' },
  evalInterval: {
    group: 'runtime',
    label: 'Eval interval',
    kind: 'integer',
    models: 'all',
    sweepable: true,
    hint: 'steps between test evaluations',
  },
  logInterval: {
    group: 'runtime',
    label: 'Log interval',
    kind: 'integer',
    models: 'all',
    sweepable: true,
    hint: 'steps between train points',
  },
  seed: { group: 'runtime', label: 'Seed', kind: 'integer', models: 'all', sweepable: true },
  backend: {
    group: 'runtime',
    label: 'Backend',
    kind: 'choice',
    models: 'all',
    sweepable: true,
    options: BACKEND_OPTIONS,
    hint: `auto tries ${BACKENDS.join(' → ')}`,
  },
  statsInterval: {
    group: 'inspection',
    label: 'Stats interval',
    kind: 'integer',
    models: 'all',
    sweepable: true,
    hint: 'steps between weight, gradient and activation statistics',
  },
  snapshotsPerEpoch: {
    group: 'inspection',
    label: 'Snapshots / epoch',
    kind: 'integer',
    models: 'all',
    sweepable: true,
    hint: 'full weight snapshots per epoch, plus the final weights',
  },
  probeImages: {
    group: 'inspection',
    label: 'Probe images',
    kind: 'integer',
    models: 'all',
    sweepable: true,
    hint: 'fixed test images for activation statistics',
  },
  histogramBins: { group: 'inspection', label: 'Histogram bins', kind: 'integer', models: 'all', sweepable: true },
  snapshotLimit: {
    group: 'inspection',
    label: 'Snapshot limit',
    kind: 'integer',
    models: 'all',
    sweepable: false,
    hint: 'past this many, older snapshots are thinned; 0 keeps all',
  },
  snapshotKeepEvery: {
    group: 'inspection',
    label: 'Keep every',
    kind: 'integer',
    models: 'all',
    sweepable: false,
    hint: 'when thinning, keep every Nth older snapshot',
  },
} as const satisfies { readonly [K in TRunConfigKey]-?: TFieldSpec };

/** A field's spec, widened (the registry's own type keeps literal types for `TSweepableKey`). */
export const fieldSpec = (key: TRunConfigKey): TFieldSpec => RUN_CONFIG_FIELDS[key];

/** The fields a sweep may vary, as a type. */
export type TSweepableKey = {
  [K in TRunConfigKey]: (typeof RUN_CONFIG_FIELDS)[K]['sweepable'] extends true ? K : never;
}[TRunConfigKey];

/** The fields chosen from a list, as a type. */
export type TChoiceKey = {
  [K in TRunConfigKey]: (typeof RUN_CONFIG_FIELDS)[K]['kind'] extends 'choice' ? K : never;
}[TRunConfigKey];

/** A choice field's options. */
export const choiceOptions = (key: TChoiceKey): readonly string[] => RUN_CONFIG_FIELDS[key].options;

/** Every config key, in reading order. */
export const RUN_CONFIG_KEYS = Object.keys(RUN_CONFIG_FIELDS) as TRunConfigKey[];

export const isRunConfigKey = (key: string): key is TRunConfigKey => Object.hasOwn(RUN_CONFIG_FIELDS, key);

/** Keys whose spec matches `pick`, in reading order. */
export const runConfigKeys = (pick: (spec: TFieldSpec, key: TRunConfigKey) => boolean): TRunConfigKey[] =>
  RUN_CONFIG_KEYS.filter((key) => pick(fieldSpec(key), key));

/** Whether `field` is part of `model`'s config (a field unknown here belongs to every model). */
export function fieldAppliesToModel(field: string, model: string): boolean {
  if (!isRunConfigKey(field)) return true;
  const models = fieldSpec(field).models;
  if (models === 'lenet5') return model === 'lenet5';
  if (models === 'recurrent') return (RECURRENT_MODELS as readonly string[]).includes(model);
  if (models === 'custom') return model === 'custom';
  return true;
}
