import { z } from 'zod';

/*
 * A network is a stack of layers (issue #16): what a team brings besides the course's presets.
 * Every field a layer takes is here, with TF.js/Keras's defaults, so a stack written by hand, one
 * imported from a Keras topology and a preset are the same thing. Shapes are not given: they are
 * inferred from the dataset's input shape (network-shape.infer.ts).
 */

export const ACTIVATIONS = ['linear', 'relu', 'relu6', 'elu', 'selu', 'sigmoid', 'tanh', 'softplus', 'softsign', 'softmax'] as const;
export const ZActivation = z.enum(ACTIVATIONS);
export type TActivation = z.infer<typeof ZActivation>;

export const ZPadding = z.enum(['valid', 'same']);

/** A layer's own name (inspection addresses layers by it); unset: made from its type (conv1, pool1, fc1…). */
export const ZLayerName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a layer name starts with a letter and holds up to 40 letters, digits and _')
  .optional();

const size = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be an integer`)
    .min(1, `${what} must be at least 1`)
    .max(max, `${what} must be at most ${max}`);

/** 3 or [3, 3]: height and width. */
const window = (what: string, max: number) => z.union([size(what, max), z.tuple([size(what, max), size(what, max)])]);

export const ZConv2dLayer = z.strictObject({
  type: z.literal('conv2d'),
  name: ZLayerName,
  filters: size('filters', 4096),
  kernelSize: window('kernelSize', 64),
  strides: window('strides', 64).default(1),
  padding: ZPadding.default('valid'),
  activation: ZActivation.default('linear'),
  useBias: z.boolean().default(true),
});

const pool = <T extends 'maxPool2d' | 'avgPool2d'>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    name: ZLayerName,
    poolSize: window('poolSize', 64).default(2),
    /** Unset: the pool size (non-overlapping windows), as in Keras. */
    strides: window('strides', 64).optional(),
    padding: ZPadding.default('valid'),
  });
export const ZMaxPool2dLayer = pool('maxPool2d');
export const ZAvgPool2dLayer = pool('avgPool2d');

export const ZBatchNormLayer = z.strictObject({
  type: z.literal('batchNorm'),
  name: ZLayerName,
  momentum: z.number().gt(0).lt(1).default(0.99),
  epsilon: z.number().gt(0).max(1).default(0.001),
});

export const ZDropoutLayer = z.strictObject({
  type: z.literal('dropout'),
  name: ZLayerName,
  rate: z.number().min(0, 'rate must be at least 0').lt(1, 'rate must be below 1'),
});

export const ZFlattenLayer = z.strictObject({ type: z.literal('flatten'), name: ZLayerName });
export const ZGlobalAvgPool2dLayer = z.strictObject({ type: z.literal('globalAvgPool2d'), name: ZLayerName });

export const ZDenseLayer = z.strictObject({
  type: z.literal('dense'),
  name: ZLayerName,
  units: size('units', 65_536),
  activation: ZActivation.default('linear'),
  useBias: z.boolean().default(true),
});

const recurrent = <T extends 'rnn' | 'lstm' | 'gru'>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    name: ZLayerName,
    units: size('units', 8192),
    /** Hand every step's state to the next layer (a stacked recurrent layer needs it), not only the last. */
    returnSequences: z.boolean().default(false),
  });
export const ZRnnLayer = recurrent('rnn');
export const ZLstmLayer = recurrent('lstm');
export const ZGruLayer = recurrent('gru');

export const ZReshapeLayer = z.strictObject({
  type: z.literal('reshape'),
  name: ZLayerName,
  targetShape: z
    .array(size('targetShape', 1 << 24), { error: 'targetShape must be a list of sizes' })
    .min(1)
    .max(3),
});

export const ZLayer = z.discriminatedUnion(
  'type',
  [
    ZConv2dLayer,
    ZMaxPool2dLayer,
    ZAvgPool2dLayer,
    ZBatchNormLayer,
    ZDropoutLayer,
    ZFlattenLayer,
    ZGlobalAvgPool2dLayer,
    ZDenseLayer,
    ZRnnLayer,
    ZLstmLayer,
    ZGruLayer,
    ZReshapeLayer,
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'type must be one of conv2d, maxPool2d, avgPool2d, batchNorm, dropout, flatten, globalAvgPool2d, dense, rnn, lstm, gru, reshape'
        : undefined,
  },
);
export type TLayer = z.infer<typeof ZLayer>;
export type TLayerInput = z.input<typeof ZLayer>;
export type TLayerType = TLayer['type'];
export const LAYER_TYPES: readonly TLayerType[] = ZLayer.options.map((o) => o.shape.type.value);

/** The layers a run trains, first to last; the dataset's input feeds the first. */
export const NETWORK_LAYERS_MAX = 64;
export const ZLayerStack = z
  .array(ZLayer, { error: 'layers must be a list of layers' })
  .min(1, 'a network needs at least one layer')
  .max(NETWORK_LAYERS_MAX, `a network has at most ${NETWORK_LAYERS_MAX} layers`);
