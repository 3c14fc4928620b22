import { ZLayer, ZLayerName, type TLayer, type TLayerInput } from './network-layer.schema';

/*
 * Import of a TF.js / Keras Sequential topology (`model.toJSON()`, or a model.json's
 * `modelTopology`) into the layer schema. Every layer maps to one of ours or the import fails,
 * naming each layer (and option) it cannot take: nothing is silently dropped or changed.
 */

export interface TImportProblem {
  index: number | null;
  message: string;
}
export type TImportedTopology = { ok: true; layers: TLayer[]; inputShape?: number[] } | { ok: false; problems: TImportProblem[] };

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Keras class names we take, and the layer type each becomes. */
const CLASSES: Record<string, TLayer['type']> = {
  Conv2D: 'conv2d',
  MaxPooling2D: 'maxPool2d',
  MaxPool2D: 'maxPool2d',
  AveragePooling2D: 'avgPool2d',
  AvgPool2D: 'avgPool2d',
  BatchNormalization: 'batchNorm',
  Dropout: 'dropout',
  Flatten: 'flatten',
  GlobalAveragePooling2D: 'globalAvgPool2d',
  GlobalAvgPool2D: 'globalAvgPool2d',
  Dense: 'dense',
  SimpleRNN: 'rnn',
  LSTM: 'lstm',
  GRU: 'gru',
  Reshape: 'reshape',
};

/** Options whose non-default values would change what a layer computes: refused, not ignored. */
const MUST_BE: Record<string, unknown> = {
  data_format: 'channels_last',
  go_backwards: false,
  stateful: false,
  return_state: false,
  center: true,
  scale: true,
};

/** `model.toJSON()` (a string or its object), `{modelTopology: …}`, or Keras's `{model_config: …}`: the Sequential inside. */
function sequentialOf(topology: unknown): { layers: unknown[] } | string {
  let t = topology;
  if (typeof t === 'string') {
    try {
      t = JSON.parse(t);
    } catch {
      return 'the topology is not valid JSON';
    }
  }
  if (isDict(t) && isDict(t.modelTopology)) t = t.modelTopology;
  if (isDict(t) && isDict(t.model_config)) t = t.model_config;
  if (!isDict(t) || typeof t.class_name !== 'string') return 'expected a Keras/TF.js topology: an object with class_name and config';
  if (t.class_name !== 'Sequential') return `only Sequential models can be imported; this is a ${t.class_name}`;
  // Keras 2.2 wrote the layers as `config` itself; later versions as `config.layers`.
  const layers = Array.isArray(t.config) ? t.config : isDict(t.config) && Array.isArray(t.config.layers) ? t.config.layers : null;
  if (!layers) return 'the Sequential topology has no layers list (config.layers)';
  return { layers };
}

const one = (v: unknown): unknown => (Array.isArray(v) && v.length === 2 && v[0] === v[1] ? v[0] : v);

/** One Keras layer config → our layer fields (validated by ZLayer after). */
function fieldsOf(type: TLayer['type'], c: Dict): Dict {
  switch (type) {
    case 'conv2d':
      return {
        filters: c.filters,
        kernelSize: one(c.kernel_size),
        strides: one(c.strides ?? 1),
        padding: c.padding,
        activation: c.activation,
        useBias: c.use_bias,
      };
    case 'maxPool2d':
    case 'avgPool2d':
      return { poolSize: one(c.pool_size ?? 2), ...(c.strides != null ? { strides: one(c.strides) } : {}), padding: c.padding };
    case 'batchNorm':
      return { momentum: c.momentum, epsilon: c.epsilon };
    case 'dropout':
      return { rate: c.rate };
    case 'flatten':
    case 'globalAvgPool2d':
      return {};
    case 'dense':
      return { units: c.units, activation: c.activation, useBias: c.use_bias };
    case 'rnn':
    case 'lstm':
    case 'gru':
      return { units: c.units, returnSequences: c.return_sequences };
    case 'reshape':
      return { targetShape: c.target_shape };
  }
}

/** Activations are compared in TF.js's spelling; Keras writes the same names in snake case. */
function problemsOfOptions(type: TLayer['type'], c: Dict): string[] {
  const problems: string[] = [];
  for (const [key, wanted] of Object.entries(MUST_BE)) {
    if (c[key] !== undefined && c[key] !== null && c[key] !== wanted)
      problems.push(`${key} ${JSON.stringify(c[key])} is not supported (only ${JSON.stringify(wanted)})`);
  }
  const dilation = one(c.dilation_rate ?? 1);
  if (dilation !== 1) problems.push(`dilation_rate ${JSON.stringify(c.dilation_rate)} is not supported (only 1)`);
  if (
    type === 'batchNorm' &&
    c.axis !== undefined &&
    c.axis !== -1 &&
    c.axis !== 3 &&
    !(Array.isArray(c.axis) && c.axis.length === 1 && [-1, 3].includes(c.axis[0] as number))
  )
    problems.push(`axis ${JSON.stringify(c.axis)} is not supported (only the channel axis, -1)`);
  return problems;
}

/**
 * The layers of a Sequential topology in our schema, with the input shape its first layer
 * declares (batch axis dropped), or every problem found, each naming the layer's index, class
 * and name.
 */
export function importKerasTopology(topology: unknown): TImportedTopology {
  const seq = sequentialOf(topology);
  if (typeof seq === 'string') return { ok: false, problems: [{ index: null, message: seq }] };
  const problems: TImportProblem[] = [];
  const layers: TLayer[] = [];
  let inputShape: number[] | undefined;
  let index = 0;
  for (const raw of seq.layers) {
    const c = isDict(raw) && isDict(raw.config) ? raw.config : {};
    const className = isDict(raw) && typeof raw.class_name === 'string' ? raw.class_name : '(no class_name)';
    const label = `layer ${index} (${className}${typeof c.name === 'string' ? ` "${c.name}"` : ''})`;
    const declared = Array.isArray(c.batch_input_shape) ? c.batch_input_shape.slice(1) : undefined;
    if (declared && inputShape === undefined) inputShape = declared as number[];
    if (className === 'InputLayer') continue; // only its shape matters
    const type = CLASSES[className];
    if (!type) {
      problems.push({ index, message: `${label}: ${className} layers are not supported (supported: ${Object.keys(CLASSES).join(', ')})` });
      index++;
      continue;
    }
    for (const p of problemsOfOptions(type, c)) problems.push({ index, message: `${label}: ${p}` });
    const name = ZLayerName.safeParse(c.name).success ? (c.name as string | undefined) : undefined;
    const fields = Object.fromEntries(Object.entries(fieldsOf(type, c)).filter(([, v]) => v !== undefined && v !== null));
    const parsed = ZLayer.safeParse({ type, ...(name !== undefined ? { name } : {}), ...fields } as TLayerInput);
    if (parsed.success) layers.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({ index, message: `${label}: ${issue.path.join('.') || 'layer'}: ${issue.message}` });
    index++;
  }
  if (index === 0) problems.push({ index: null, message: 'the topology has no layers to import' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, layers, ...(inputShape && inputShape.every((d) => typeof d === 'number') ? { inputShape } : {}) };
}
