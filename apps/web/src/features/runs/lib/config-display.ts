import type { TRunConfig } from '@tensorscope/shared';
import { DATASET_SIZES, datasetOf, isRecurrent } from '@tensorscope/shared';
import { FORM_FIELDS } from './run-form';

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
 * The config table's rows: fields in the new-run form's order, then anything newer the API
 * stores. Optional fields left unset are shown with what unset means (off, the whole split),
 * since an absent row would read as "not recorded".
 */
export function configRows(config: TRunConfig): TConfigRow[] {
  const stored = config as Record<string, unknown>;
  const sizes = DATASET_SIZES[datasetOf(config)];
  const unsetMeaning: Record<string, string> = {
    gradClipNorm: 'off',
    trainSubset: `all (${count(sizes.train)})`,
    evalSubset: `all (${count(sizes.test)})`,
  };
  const rows: TConfigRow[] = [];
  for (const key of FORM_FIELDS) {
    if (key in stored && stored[key] !== undefined) rows.push({ key, value: String(stored[key]), unset: false });
    else if (key in unsetMeaning) rows.push({ key, value: unsetMeaning[key]!, unset: true });
  }
  for (const key of Object.keys(stored)) {
    if (!(FORM_FIELDS as readonly string[]).includes(key)) rows.push({ key, value: String(stored[key]), unset: false });
  }
  return rows;
}
