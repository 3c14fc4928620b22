import type { TDatasetFacts, TNetworkSpec, TRunConfig } from '@tensorscope/shared';
import { RUN_CONFIG_KEYS, datasetSizesOf, fieldAppliesToModel, fieldSpec, isRecurrent, isRunConfigKey } from '@tensorscope/shared';

/** The model at a glance: "lenet5 / cifar-gray28", "lstm · 128 units × 2 layers · dropout 0.2". */
export function modelLabel(config: TRunConfig): string {
  if (config.model === 'custom') return `custom · ${networkText(config.network)} · on ${config.datasetFacts?.name ?? config.dataset}`;
  if (!isRecurrent(config)) return `${config.model} / ${config.variant}`;
  const layers = `${config.layers} layer${config.layers === 1 ? '' : 's'}`;
  const dropout = config.dropout > 0 ? ` · dropout ${config.dropout}` : '';
  return `${config.model} · ${config.hiddenSize} units × ${layers}${dropout}`;
}

/** What follows the model's name in a list: LeNet's variant, a custom run's dataset; nothing for a recurrent cell. */
export function modelDetail(config: TRunConfig): string | undefined {
  if (config.model === 'lenet5') return config.variant;
  if (config.model === 'custom') return config.datasetFacts?.name ?? config.dataset;
  return undefined;
}

/** A network in one line: its layer types, or that it came as a topology. */
export function networkText(network: TNetworkSpec): string {
  if (!('layers' in network)) return 'imported topology';
  const n = network.layers.length;
  return `${n} layer${n === 1 ? '' : 's'} (${network.layers.map((l) => l.type).join(' → ')})`;
}

const factsText = (f: TDatasetFacts) =>
  `${f.name} · ${f.inputShape.join('×')} · ${f.classes.length} classes · ${count(f.trainSize)} train / ${count(f.testSize)} test · sha256 ${f.checksum.slice(0, 12)}`;

/** A stored config value as the table shows it (objects in words, not "[object Object]"). */
function valueText(key: string, value: unknown): string {
  if (key === 'network') return networkText(value as TNetworkSpec);
  if (key === 'datasetFacts') return factsText(value as TDatasetFacts);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

export interface TConfigRow {
  key: string;
  value: string;
  /** The field was left unset; `value` says what that means. */
  unset: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The config table's rows: fields in the registry's (and the form's) order, then anything newer the API
 * stores. Optional fields left unset are shown with what unset means (off, the whole split),
 * since an absent row would read as "not recorded".
 */
export function configRows(config: TRunConfig): TConfigRow[] {
  const stored = config as Record<string, unknown>;
  const sizes = datasetSizesOf(config);
  const unsetText = { off: 'off', 'all-train': `all (${count(sizes.train)})`, 'all-test': `all (${count(sizes.test)})` } as const;
  const rows: TConfigRow[] = [];
  for (const key of RUN_CONFIG_KEYS) {
    const spec = fieldSpec(key);
    const unset = spec.kind === 'integer' || spec.kind === 'decimal' ? spec.unset : undefined;
    if (key in stored && stored[key] !== undefined) rows.push({ key, value: valueText(key, stored[key]), unset: false });
    else if (unset && fieldAppliesToModel(key, config.model)) rows.push({ key, value: unsetText[unset], unset: true });
  }
  for (const key of Object.keys(stored)) {
    if (!isRunConfigKey(key)) rows.push({ key, value: valueText(key, stored[key]), unset: false });
  }
  return rows;
}
