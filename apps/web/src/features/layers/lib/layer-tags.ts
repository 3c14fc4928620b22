import type { TActivationStat, TRunTags, TWeightStat } from '@tensorscope/shared';
import { ACTIVATION_STATS, WEIGHT_STATS } from '@tensorscope/shared';

/*
 * The Layers tab is built from the tags a run has actually logged (GET /tags), never from
 * a guessed list: an old run has none, a young one only some, another model other layers
 * and other parameters (an LSTM has `recurrent_kernel` besides `kernel` and `bias`).
 */

/** A parameter of a layer: any tag segment, e.g. kernel, recurrent_kernel, bias. */
export type TParamKind = string;
/** Known parameters first, in this order; any other follows, by name. */
const PARAM_ORDER = ['kernel', 'recurrent_kernel', 'bias'];
export function compareParams(a: string, b: string): number {
  const ra = PARAM_ORDER.indexOf(a);
  const rb = PARAM_ORDER.indexOf(b);
  if (ra !== -1 || rb !== -1) return (ra === -1 ? Infinity : ra) - (rb === -1 ? Infinity : rb) || 0;
  return a < b ? -1 : a > b ? 1 : 0;
}
/** A tag segment as the API writes them (letters, digits, "_", "." or "-", not starting with "."). */
const isSegment = (value: string | undefined): value is string => value !== undefined && /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(value);

/** `weights/<layer>/<param>/<stat>` (or `gradients/…`); without a stat, the histogram tag. */
export const paramTag = (kind: 'weights' | 'gradients', layer: string, param: TParamKind, stat?: TWeightStat) =>
  `${kind}/${layer}/${param}${stat ? `/${stat}` : ''}`;

export type TLayerTag =
  | { kind: 'weights' | 'gradients'; layer: string; param: TParamKind; stat: TWeightStat }
  | { kind: 'activations'; layer: string; stat: TActivationStat };

export type THistogramSource = 'weights' | 'gradients' | 'activations';
export interface THistogramTag {
  kind: THistogramSource;
  layer: string;
  /** Absent for activations, which belong to a layer, not a parameter. */
  param?: TParamKind;
  tag: string;
}

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** A layer-statistic scalar tag, or null for anything else (core metrics, unknown stats). */
export function parseLayerTag(tag: string): TLayerTag | null {
  const parts = tag.split('/');
  const [kind, layer] = parts;
  if (!isSegment(layer)) return null;
  if ((kind === 'weights' || kind === 'gradients') && parts.length === 4) {
    const [, , param, stat] = parts;
    if (isSegment(param) && isOneOf(WEIGHT_STATS, stat)) return { kind, layer, param, stat };
  }
  if (kind === 'activations' && parts.length === 3 && isOneOf(ACTIVATION_STATS, parts[2])) {
    return { kind, layer, stat: parts[2] };
  }
  return null;
}

/** A histogram tag (`weights/<layer>/<param>`, `gradients/…`, `activations/<layer>`), or null. */
export function parseHistogramTag(tag: string): THistogramTag | null {
  const parts = tag.split('/');
  const [kind, layer, param] = parts;
  if (!isSegment(layer)) return null;
  if ((kind === 'weights' || kind === 'gradients') && parts.length === 3 && isSegment(param)) {
    return { kind, layer, param, tag };
  }
  if (kind === 'activations' && parts.length === 2) return { kind, layer, tag };
  return null;
}

/**
 * Tags arrive sorted by name, which puts conv2 before pool1 (and dense before lstm1). Layers of
 * the run's network (`order`, input to output: see runNetwork) are shown in that order; any
 * other layer (a run the network of which is unknown here) follows, grouped by where such layers
 * usually sit (recurrent cells, then anything else, then dense heads), in natural name order
 * within a group.
 */
const naturalCollator = new Intl.Collator('en', { numeric: true });
const familyRank = (layer: string) =>
  /^(simple_?rnn|rnn|lstm|gru)/i.test(layer) ? 0 : /^(dense|fc|out|output|logits|head)/i.test(layer) ? 2 : 1;
export function layerComparator(order: readonly string[]): (a: string, b: string) => number {
  return (a, b) => {
    const ra = order.indexOf(a);
    const rb = order.indexOf(b);
    if (ra !== -1 || rb !== -1) return (ra === -1 ? Infinity : ra) - (rb === -1 ? Infinity : rb) || 0;
    return familyRank(a) - familyRank(b) || naturalCollator.compare(a, b);
  };
}

export interface TParamLayer {
  layer: string;
  params: TParamKind[];
}
export interface TActivationLayer {
  layer: string;
  stats: TActivationStat[];
}

export interface TLayerIndex {
  /** Layers that have weight or gradient statistics, in network order, with their params. */
  paramLayers: TParamLayer[];
  /** Weight / gradient stats logged per `<layer>/<param>`, in WEIGHT_STATS order. */
  weightStats: ReadonlyMap<string, TWeightStat[]>;
  gradientStats: ReadonlyMap<string, TWeightStat[]>;
  activationLayers: TActivationLayer[];
  /** Activation stats logged by at least one layer, in ACTIVATION_STATS order. */
  activationStats: TActivationStat[];
  /** Histogram tags, grouped weights → gradients → activations, each in network order. */
  histograms: THistogramTag[];
  /** True when the run logged anything this tab can show besides snapshots. */
  hasLayerData: boolean;
}

export const paramKey = (layer: string, param: TParamKind) => `${layer}/${param}`;

/** `order`: the run's layer names, input to output (runNetwork → layerOrder). */
export function indexLayerTags(tags: TRunTags | undefined, order: readonly string[] = []): TLayerIndex {
  const compareLayers = layerComparator(order);
  const params = new Map<string, Set<TParamKind>>();
  const weight = new Map<string, Set<TWeightStat>>();
  const gradient = new Map<string, Set<TWeightStat>>();
  const activation = new Map<string, Set<TActivationStat>>();
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };

  for (const tag of tags?.scalars ?? []) {
    const parsed = parseLayerTag(tag);
    if (!parsed) continue;
    if (parsed.kind === 'activations') {
      add(activation, parsed.layer, parsed.stat);
    } else {
      add(params, parsed.layer, parsed.param);
      add(parsed.kind === 'weights' ? weight : gradient, paramKey(parsed.layer, parsed.param), parsed.stat);
    }
  }
  const histograms = (tags?.histograms ?? []).map(parseHistogramTag).filter((h): h is THistogramTag => h !== null);
  const kindRank: Record<THistogramSource, number> = { weights: 0, gradients: 1, activations: 2 };
  histograms.sort(
    (a, b) =>
      kindRank[a.kind] - kindRank[b.kind] || compareLayers(a.layer, b.layer) || compareParams(a.param ?? 'kernel', b.param ?? 'kernel'),
  );

  const inOrder = <T extends string>(order: readonly T[], set: Set<T> | undefined) => order.filter((s) => set?.has(s));
  const paramsOf = (layer: string) => [...(params.get(layer) ?? [])].sort(compareParams);
  const statsMap = (map: Map<string, Set<TWeightStat>>) =>
    new Map([...map].map(([key, set]) => [key, inOrder(WEIGHT_STATS, set)] as const));
  const activationLayers = [...activation.keys()]
    .sort(compareLayers)
    .map((layer) => ({ layer, stats: inOrder(ACTIVATION_STATS, activation.get(layer)) }));

  return {
    paramLayers: [...params.keys()].sort(compareLayers).map((layer) => ({ layer, params: paramsOf(layer) })),
    weightStats: statsMap(weight),
    gradientStats: statsMap(gradient),
    activationLayers,
    activationStats: ACTIVATION_STATS.filter((stat) => activationLayers.some((l) => l.stats.includes(stat))),
    histograms,
    hasLayerData: params.size > 0 || activation.size > 0 || histograms.length > 0,
  };
}

/**
 * The layer/param the statistics show: the user's choice while the run still has it,
 * else the first param of the same layer, else the first layer's first param.
 */
export function resolveParamChoice(
  layers: readonly TParamLayer[],
  wanted: { layer?: string; param?: TParamKind },
): { layer: string; param: TParamKind } | null {
  const layer = layers.find((l) => l.layer === wanted.layer) ?? layers[0];
  if (!layer || layer.params.length === 0) return null;
  const param = wanted.param && layer.params.includes(wanted.param) ? wanted.param : layer.params[0]!;
  return { layer: layer.layer, param };
}

/** Label of a histogram tag in the picker, e.g. "conv1 kernel" or "pool1". */
export const histogramLabel = (h: THistogramTag) => (h.param ? `${h.layer} ${h.param}` : h.layer);
