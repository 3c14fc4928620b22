import { RUN_NAME_MAX, ZRunConfig, type TCustomConfig, type TRunConfig } from './run-config.schema';
import type { TLayer } from './network/network-layer.schema';

/*
 * Names for runs nobody named. The name says what sets the run apart at a glance in a list:
 * the model and its shape (LeNet-5's dataset variant; a recurrent net's hidden size × layers),
 * the optimizer, then each of these only when it differs from the schema's default — learning
 * rate, batch size, epochs, dropout, gradient clipping and the train subset. Seeds, intervals
 * and inspection settings never appear: they rarely tell two runs apart in a person's mind.
 *   lenet5-cifar-gray28-adam        lstm-256x2-sgd-lr0.01-bs128-ep3
 *   gru-128x1-adam-drop0.2-train20k
 */

/** 20000 → "20k", 1500 → "1500": subsets are usually round thousands. */
const count = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The schema's defaults for this model family (what "not default" is measured against). */
const defaultsOf = (model: TRunConfig['model']): TRunConfig =>
  ZRunConfig.parse(model === 'custom' ? { model, dataset: 'mnist', network: { layers: [{ type: 'flatten' }] } } : { model });

/** Short layer codes: a network reads as c16-p-c32-p-f-d10 (conv filters, pool, flatten, dense units…). */
const LAYER_CODE: Record<TLayer['type'], (l: TLayer) => string> = {
  conv2d: (l) => `c${(l as { filters: number }).filters}`,
  maxPool2d: () => 'p',
  avgPool2d: () => 'ap',
  batchNorm: () => 'bn',
  dropout: () => 'do',
  flatten: () => 'f',
  globalAvgPool2d: () => 'gap',
  dense: (l) => `d${(l as { units: number }).units}`,
  rnn: (l) => `rnn${(l as { units: number }).units}`,
  lstm: (l) => `lstm${(l as { units: number }).units}`,
  gru: (l) => `gru${(l as { units: number }).units}`,
  reshape: () => 'r',
};

/** A custom run's model part: its dataset's name and its layer codes, cut so the rest still fits. */
function customPart(config: TCustomConfig): string {
  const data = (config.datasetFacts?.name ?? config.dataset)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const net = 'layers' in config.network ? config.network.layers.map((l) => LAYER_CODE[l.type](l)).join('-') : 'keras';
  return `${data.slice(0, 24)}-${net.length > 40 ? `${net.slice(0, 39)}…` : net}`;
}

/** The generated name of a config (its own `name` is ignored). */
export function autoRunName(config: TRunConfig): string {
  const d = defaultsOf(config.model);
  const parts: string[] = [];
  if (config.model === 'lenet5') parts.push(`lenet5-${config.variant}`);
  else if (config.model === 'custom') parts.push(customPart(config));
  else parts.push(`${config.model}-${config.hiddenSize}x${config.layers}`);
  parts.push(config.optimizer);
  if (config.learningRate !== d.learningRate) parts.push(`lr${config.learningRate}`);
  if (config.batchSize !== d.batchSize) parts.push(`bs${config.batchSize}`);
  if (config.epochs !== d.epochs) parts.push(`ep${config.epochs}`);
  if ((config.model === 'rnn' || config.model === 'lstm' || config.model === 'gru') && config.dropout !== 0)
    parts.push(`drop${config.dropout}`);
  if (config.gradClipNorm !== undefined) parts.push(`clip${config.gradClipNorm}`);
  if (config.trainSubset !== undefined) parts.push(`train${count(config.trainSubset)}`);
  return fitRunName(parts.join('-'));
}

/** The config as stored: a blank name replaced by the generated one. */
export const withRunName = (config: TRunConfig): TRunConfig => (config.name === '' ? { ...config, name: autoRunName(config) } : config);

/**
 * `text` cut to `max` characters with an ellipsis; never between the halves of a surrogate pair
 * (an emoji), which would leave text Postgres refuses.
 */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A name cut to the run-name limit. */
export const fitRunName = (name: string): string => cutText(name, RUN_NAME_MAX);

/** The name "run again" suggests: "x" → "x (2)", "x (2)" → "x (3)", kept within the limit. */
export function cloneRunName(name: string): string {
  const numbered = /^(.*) \((\d+)\)$/.exec(name);
  const [base, n] = numbered ? [numbered[1]!, Number(numbered[2]) + 1] : [name, 2];
  const suffix = ` (${n})`;
  return `${cutText(base, RUN_NAME_MAX - suffix.length)}${suffix}`;
}
