import type { TLayer, TLayerType } from './network-layer.schema';

/** Networks over this many parameters are refused before queueing: no worker here trains them in useful time. */
export const NETWORK_PARAMS_MAX = 50_000_000;

/** One layer as it will be built: its name, output shape (no batch axis) and parameter count as TF.js's countParams() gives it. */
export interface TResolvedLayer {
  index: number;
  name: string;
  type: TLayerType;
  outputShape: number[];
  params: number;
  /** Not in the stack as given: the classifier head the server added. */
  added?: true;
}

export interface TResolvedNetwork {
  inputShape: number[];
  layers: TResolvedLayer[];
  paramCount: number;
  /** What the server changed and why (a head added, a final softmax trained as logits). */
  notes: string[];
}

export interface TNetworkProblem {
  /** The layer at fault (0-based, as in the request), or null for the network as a whole. */
  index: number | null;
  message: string;
}

export type TInferredNetwork = { ok: true; network: TResolvedNetwork; layers: TLayer[] } | { ok: false; problems: TNetworkProblem[] };

/** Default names, as the course's LeNet names its layers: conv1, pool1, fc1… */
const NAME_PREFIX: Record<TLayerType, string> = {
  conv2d: 'conv',
  maxPool2d: 'pool',
  avgPool2d: 'pool',
  batchNorm: 'bn',
  dropout: 'dropout',
  flatten: 'flatten',
  globalAvgPool2d: 'gap',
  dense: 'fc',
  rnn: 'rnn',
  lstm: 'lstm',
  gru: 'gru',
  reshape: 'reshape',
};

const pair = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);
const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const show = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/** Output size of a window sliding over `size` (Keras's rule): 'same' keeps ceil(size / stride). */
function slide(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** Output shape and parameters of one layer on `input`, or what is wrong. */
function step(layer: TLayer, input: number[]): { shape: number[]; params: number } | string {
  const needImage = () => `${layer.type} reads [height, width, channels]; it gets ${show(input)}`;
  switch (layer.type) {
    case 'conv2d':
    case 'maxPool2d':
    case 'avgPool2d': {
      if (input.length !== 3) return needImage();
      const [h, w, c] = input as [number, number, number];
      const [kh, kw] = pair(layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize);
      const [sh, sw] = pair(layer.type === 'conv2d' ? layer.strides : (layer.strides ?? layer.poolSize));
      const what = layer.type === 'conv2d' ? 'kernel' : 'pool window';
      if (layer.padding === 'valid' && (kh > h || kw > w)) return `its ${what} ${kh}×${kw} is larger than its ${h}×${w} input`;
      const out = [slide(h, kh, sh, layer.padding), slide(w, kw, sw, layer.padding)];
      if (layer.type !== 'conv2d') return { shape: [...out, c], params: 0 };
      return { shape: [...out, layer.filters], params: kh * kw * c * layer.filters + (layer.useBias ? layer.filters : 0) };
    }
    case 'globalAvgPool2d':
      return input.length === 3 ? { shape: [input[2]!], params: 0 } : needImage();
    case 'batchNorm':
      // gamma, beta and the moving mean and variance: countParams() counts all four.
      return { shape: input, params: 4 * input.at(-1)! };
    case 'dropout':
      return { shape: input, params: 0 };
    case 'flatten':
      return { shape: [product(input)], params: 0 };
    case 'reshape':
      if (product(layer.targetShape) !== product(input))
        return `targetShape ${show(layer.targetShape)} holds ${product(layer.targetShape)} values; its input ${show(input)} holds ${product(input)}`;
      return { shape: [...layer.targetShape], params: 0 };
    case 'dense': {
      const fanIn = input.at(-1)!;
      return { shape: [...input.slice(0, -1), layer.units], params: fanIn * layer.units + (layer.useBias ? layer.units : 0) };
    }
    case 'rnn':
    case 'lstm':
    case 'gru': {
      if (input.length !== 2) {
        const hint =
          input.length === 1
            ? `put a reshape before it (after flatten there are no steps left)`
            : `put a reshape to [${input[0]}, ${product(input.slice(1))}] before it (rows as steps)`;
        return `a recurrent layer reads [steps, features]; it gets ${show(input)}: ${hint}`;
      }
      const [steps, features] = input as [number, number];
      const u = layer.units;
      const gates = layer.type === 'lstm' ? 4 : layer.type === 'gru' ? 3 : 1;
      return { shape: layer.returnSequences ? [steps, u] : [u], params: gates * (u * (features + u) + u) };
    }
  }
}

/**
 * The network a stack of layers makes on a dataset: each layer's name, output shape and
 * parameters, and its total; or every problem found, each with the layer's index, before anything
 * is queued. The last layer must give one logit per class: a dense layer of `classes` units is
 * taken as it is (a final softmax is dropped, since the loss applies it); otherwise the server adds
 * a dense head (with a flatten first where needed) and says so in `notes`.
 */
export function inferNetwork(stack: readonly TLayer[], dataset: { inputShape: readonly number[]; classes: number }): TInferredNetwork {
  const problems: TNetworkProblem[] = [];
  const notes: string[] = [];
  const layers: TLayer[] = stack.map((l) => ({ ...l }));
  const last = layers.at(-1);
  if (last?.type === 'dense' && last.units === dataset.classes && last.activation === 'softmax') {
    layers[layers.length - 1] = { ...last, activation: 'linear' };
    notes.push(`layer ${layers.length - 1}'s softmax is left to the loss (softmax cross-entropy on logits): it trains as a linear layer`);
  }

  const resolved: TResolvedLayer[] = [];
  const used = new Map<string, number>();
  const counters = new Map<string, number>();
  const nameOf = (layer: TLayer, index: number): string => {
    if (layer.name !== undefined) return layer.name;
    const prefix = NAME_PREFIX[layer.type];
    let n = counters.get(prefix) ?? 0;
    let name: string;
    // Skip numbers a hand-given name already took (e.g. conv2 named explicitly).
    do name = `${prefix}${++n}`;
    while (used.has(name) || layers.some((l, i) => i !== index && l.name === name));
    counters.set(prefix, n);
    return name;
  };

  let shape = [...dataset.inputShape];
  const add = (layer: TLayer, index: number, added: boolean): boolean => {
    const name = nameOf(layer, index);
    const clash = used.get(name);
    if (clash !== undefined)
      problems.push({ index, message: `layer ${index} (${layer.type}): the name ${name} is already layer ${clash}'s` });
    used.set(name, index);
    const out = step(layer, shape);
    if (typeof out === 'string') {
      problems.push({ index, message: `layer ${index} (${layer.type}): ${out}` });
      return false;
    }
    if (out.shape.some((d) => d < 1)) {
      problems.push({
        index,
        message: `layer ${index} (${layer.type}): its output shape reaches zero (${show(out.shape)}); use a smaller kernel or stride, or 'same' padding`,
      });
      return false;
    }
    resolved.push({
      index,
      name,
      type: layer.type,
      outputShape: out.shape,
      params: out.params,
      ...(added ? { added: true as const } : {}),
    });
    shape = out.shape;
    return true;
  };

  for (const [index, layer] of layers.entries()) if (!add(layer, index, false)) return { ok: false, problems };

  const final = layers.at(-1)!;
  if (!(final.type === 'dense' && shape.length === 1 && shape[0] === dataset.classes)) {
    const head: TLayer[] = [
      ...(shape.length > 1 ? [{ type: 'flatten' as const, name: uniqueName('head_flatten', used) }] : []),
      { type: 'dense' as const, name: uniqueName('head', used), units: dataset.classes, activation: 'linear' as const, useBias: true },
    ];
    notes.push(
      `added a dense head of ${dataset.classes} units (one logit per class): the last layer gives ${show(shape)}` +
        (shape.length > 1 ? ', flattened first' : ''),
    );
    for (const layer of head) {
      layers.push(layer);
      if (!add(layer, layers.length - 1, true)) return { ok: false, problems };
    }
  }
  const paramCount = resolved.reduce((sum, l) => sum + l.params, 0);
  if (paramCount > NETWORK_PARAMS_MAX)
    problems.push({
      index: null,
      message: `the network has ${paramCount.toLocaleString('en-US')} parameters; at most ${NETWORK_PARAMS_MAX.toLocaleString('en-US')} can train here`,
    });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, network: { inputShape: [...dataset.inputShape], layers: resolved, paramCount, notes }, layers };
}

function uniqueName(base: string, used: ReadonlyMap<string, number>): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}
