import type { TRunConfig } from '@tensorscope/shared';
import {
  DATASET_SIZES,
  RUN_CONFIG_KEYS,
  datasetOf,
  fieldAppliesToModel,
  fieldSpec,
  isRecurrent,
  isRunConfigKey,
} from '@tensorscope/shared';

/** The model at a glance: "lenet5 / cifar-gray28", "lstm · 128 units × 2 layers · dropout 0.2". */
export function modelLabel(config: TRunConfig): string {
  if (!isRecurrent(config)) return `${config.model} / ${config.variant}`;
  const layers = `${config.layers} layer${config.layers === 1 ? '' : 's'}`;
  const dropout = config.dropout > 0 ? ` · dropout ${config.dropout}` : '';
  return `${config.model} · ${config.hiddenSize} units × ${layers}${dropout}`;
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
  const sizes = DATASET_SIZES[datasetOf(config)];
  const unsetText = { off: 'off', 'all-train': `all (${count(sizes.train)})`, 'all-test': `all (${count(sizes.test)})` } as const;
  const rows: TConfigRow[] = [];
  for (const key of RUN_CONFIG_KEYS) {
    const spec = fieldSpec(key);
    const unset = spec.kind === 'integer' || spec.kind === 'decimal' ? spec.unset : undefined;
    if (key in stored && stored[key] !== undefined) rows.push({ key, value: String(stored[key]), unset: false });
    else if (unset && fieldAppliesToModel(key, config.model)) rows.push({ key, value: unsetText[unset], unset: true });
  }
  for (const key of Object.keys(stored)) {
    if (!isRunConfigKey(key)) rows.push({ key, value: String(stored[key]), unset: false });
  }
  return rows;
}
