import type { TRunConfig } from '@tensorscope/shared';
import { NETWORK_PATH_FIELDS, RUN_CONFIG_KEYS } from '@tensorscope/shared';
import { networkText } from '../../runs/lib/config-display';

/*
 * Which config fields to show for a set of runs. Fields that differ between the runs are what a
 * comparison is about, so they come first; the rest (equal everywhere) only on request.
 */

/** Reading order: the registry's for known fields; unknown ones follow alphabetically. */
const FIELD_ORDER: readonly string[] = RUN_CONFIG_KEYS;
/** The name is the row's title already. */
const HIDDEN_FIELDS = new Set(['name']);

export type TConfigLike = Readonly<Record<string, unknown>>;

function fieldRank(field: string): number {
  // A layer field (network.layers.0.filters) sits with the network.
  const index = FIELD_ORDER.indexOf(field.startsWith('network.') ? 'network' : field);
  return index === -1 ? FIELD_ORDER.length : index;
}

/**
 * A config as the comparison reads it: a custom network's layer fields a sweep can vary become
 * fields of their own (network.layers.0.filters: 8 vs 16 is what a width sweep differs in; the
 * whole stack as one JSON cell would hide it), the stack itself one line, the dataset by name.
 */
export function comparableConfig(config: TRunConfig): TConfigLike {
  if (config.model !== 'custom') return config;
  const { network, datasetFacts, ...rest } = config;
  const flat: Record<string, unknown> = { ...rest, dataset: datasetFacts?.name ?? config.dataset, network: networkText(network) };
  if ('layers' in network)
    network.layers.forEach((layer, i) => {
      const fields = layer as Record<string, unknown>;
      for (const key of NETWORK_PATH_FIELDS) if (fields[key] !== undefined) flat[`network.layers.${i}.${key}`] = fields[key];
    });
  return flat;
}

/** Two config values are the same when they print the same (undefined: the field is absent). */
const valueKey = (value: unknown) => (value === undefined ? '\u0000absent' : JSON.stringify(value));

export function configFields(configs: readonly TConfigLike[]): { varying: string[]; constant: string[] } {
  const fields = new Set<string>();
  for (const config of configs) for (const key of Object.keys(config)) if (!HIDDEN_FIELDS.has(key)) fields.add(key);
  const ordered = [...fields].sort((a, b) => fieldRank(a) - fieldRank(b) || a.localeCompare(b));
  const varying: string[] = [];
  const constant: string[] = [];
  for (const field of ordered) {
    const values = new Set(configs.map((config) => valueKey(config[field])));
    (values.size > 1 ? varying : constant).push(field);
  }
  return { varying, constant };
}

/**
 * Integers with thousands separators. One formatter for all cells: Number#toLocaleString builds a
 * new one per call, and 100 runs × 20 fields of it were 135 ms of every hparam table render.
 */
const INTEGER = new Intl.NumberFormat('en-US');

/** A config value as a table cell shows it. */
export function formatConfigValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? INTEGER.format(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A config value as a sortable cell: numbers, strings and booleans as they are, the rest as text. */
export function configCell(value: unknown): number | string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
