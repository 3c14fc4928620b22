import type { TDataset, TDatasetFacts, TFieldErrors, TRun, TRunConfig, TRunConfigKey } from '@tensorscope/shared';
import {
  RUN_CONFIG_KEYS,
  ZRunConfig,
  autoRunName,
  cloneRunName,
  fieldMessages,
  isRunConfigKey,
  runConfigKeys,
  toFieldErrors,
} from '@tensorscope/shared';
import { fieldAppliesTo } from './model-fields';
import { networkDraftText, readNetworkDraft } from '../../network/lib/layer-draft';
import {
  defaultNetworkDrafts,
  draftsFromSpec,
  layerErrorKey,
  layerIndexOfPath,
  parseNetworkDraft,
  type TLayerErrorKey,
} from '../../network/lib/network-draft';
import { parseNumberText } from './value-list';

/** Form fields, named exactly like the config fields they fill (inputs use them as `name`). */
export type TFormField = TRunConfigKey;
/** Fields typed as numbers (integer or decimal). */
export const NUMBER_FIELDS = runConfigKeys((spec) => spec.kind === 'integer' || spec.kind === 'decimal');

/** Number fields that may stay blank: unset means "off" (gradClipNorm) or "the whole split" (subsets). */
export const OPTIONAL_FIELDS = runConfigKeys((spec) => (spec.kind === 'integer' || spec.kind === 'decimal') && spec.unset !== undefined);

/** Every field in the order the form (and the run's config table) shows them. */
export const FORM_FIELDS: readonly TFormField[] = RUN_CONFIG_KEYS;

/**
 * What the inputs hold: raw text, so a half-typed "0." survives a failed submit. `network` holds
 * the layer editor's rows (their raw text too) as JSON: see layer-draft.ts.
 */
export type TRunFormValues = Record<TFormField, string>;

/** One message per field, per layer of the network (its row in the layer editor), plus `form` for errors that belong to no field. */
export type TFormErrors = Partial<Record<TFormField | TLayerErrorKey | 'form', string>>;

export type TParseResult = { ok: true; config: TRunConfig } | { ok: false; errors: TFormErrors };

export const isFormField = isRunConfigKey;
export const isNumberField = (field: string): boolean => (NUMBER_FIELDS as readonly string[]).includes(field);
export const isOptionalField = (field: string): boolean => (OPTIONAL_FIELDS as readonly string[]).includes(field);

/**
 * Initial values, taken from the schema's own defaults so the form never disagrees with the API.
 * Both families' defaults are filled in, so switching the model shows sensible values; fields
 * without a default (the optional ones) start blank.
 */
export function defaultFormValues(): TRunFormValues {
  // `name` has no default; a placeholder satisfies the schema and is dropped right after.
  const lenet = ZRunConfig.parse({ model: 'lenet5', name: 'placeholder' });
  const recurrent = ZRunConfig.parse({ model: 'lstm', name: 'placeholder' });
  const defaults: Record<string, unknown> = { ...recurrent, ...lenet };
  const values = { name: '' } as TRunFormValues;
  for (const field of FORM_FIELDS) {
    if (field !== 'name') values[field] = defaults[field] === undefined ? '' : String(defaults[field]);
  }
  // A custom network starts on MNIST with a small CNN to edit.
  values.dataset = 'mnist';
  values.network = networkDraftText(defaultNetworkDrafts());
  return values;
}

/**
 * The form filled with a run's config ("run again with these settings"). Fields the config's
 * model lacks keep their defaults, so switching the model still shows sensible values.
 */
export function formValuesFromConfig(config: TRunConfig): TRunFormValues {
  const values = defaultFormValues();
  const given: Partial<Record<TFormField, unknown>> = config;
  for (const field of FORM_FIELDS) {
    const value = given[field];
    // The dataset facts are the API's to fill in (it replaces any sent); the network fills the editor.
    if (value === undefined || field === 'datasetFacts') continue;
    values[field] = config.model === 'custom' && field === 'network' ? networkDraftText(draftsFromSpec(config.network)) : String(value);
  }
  return values;
}

/**
 * "Run again": the form with the run's settings. A generated name is left blank, so the API
 * names the copy after its own settings (edited or not); a name someone gave becomes "name (2)".
 */
export function formValuesForClone(run: Pick<TRun, 'name' | 'config'>): TRunFormValues {
  const name = run.name === autoRunName(run.config) ? '' : cloneRunName(run.name);
  return formValuesFromConfig({ ...run.config, name });
}

/**
 * What a blank name would become (the name box's placeholder), or undefined while the form is
 * invalid. A custom run is named after its dataset's name, which the API records: `facts` are the
 * chosen catalogue entry's.
 */
export function autoNamePreview(values: TRunFormValues, facts?: TDatasetFacts): string | undefined {
  const parsed = parseRunForm({ ...values, name: '' });
  if (!parsed.ok) return undefined;
  return autoRunName(parsed.config.model === 'custom' && facts ? { ...parsed.config, datasetFacts: facts } : parsed.config);
}

/** A catalogue entry as the facts the API records on a custom run. */
export const datasetFactsOf = (d: TDataset): TDatasetFacts => ({
  name: d.name,
  inputShape: d.inputShape,
  classes: d.classes,
  trainSize: d.trainSize,
  testSize: d.testSize,
  checksum: d.checksum,
});

/**
 * Turns the form's text into a run config, or into one message per invalid field. Only the
 * fields of the chosen model are read (the others are hidden and would be stripped anyway).
 */
export function parseRunForm(values: TRunFormValues): TParseResult {
  const errors: TFormErrors = {};
  const candidate: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    if (!fieldAppliesTo(field, values.model) || field === 'datasetFacts') continue;
    if (field === 'network') {
      const network = parseNetworkDraft(readNetworkDraft(values.network));
      if (network.ok) candidate.network = { layers: network.layers };
      else {
        Object.assign(errors, network.errors);
        errors.network = 'fix the layers marked below';
      }
      continue;
    }
    if (!isNumberField(field)) {
      candidate[field] = values[field];
      continue;
    }
    const parsed = parseNumberText(field, values[field], isOptionalField(field));
    if (!parsed.ok) errors[field] = parsed.message;
    else if (parsed.value !== undefined) candidate[field] = parsed.value;
  }
  // The API's own messages (fieldMessages), so the form says what a refused POST would.
  const parsed = ZRunConfig.safeParse(candidate, { error: fieldMessages });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, config: parsed.data };
  if (!parsed.success) mergeFieldErrors(errors, toFieldErrors(parsed.error));
  return { ok: false, errors };
}

/** Places `{path, message}` pairs (from zod or from a server 400) on their fields. */
export function mergeFieldErrors(errors: TFormErrors, details: TFieldErrors): TFormErrors {
  const unplaced: string[] = [];
  for (const { path, message } of details) {
    // A layer's problem (network.layers.3, network.layers.3.filters) lands on that layer's row.
    const layer = layerIndexOfPath(path);
    // Nested paths ("config.seed") land on their first known segment.
    const field = path.split('.').find(isFormField);
    if (layer !== undefined) {
      errors[layerErrorKey(layer)] ??= message;
    } else if (field) {
      errors[field] ??= message;
    } else {
      unplaced.push(path && path !== '(root)' ? `${path}: ${message}` : message);
    }
  }
  if (unplaced.length > 0) errors.form = [errors.form, ...unplaced].filter(Boolean).join('; ');
  return errors;
}

/** Server-side VALIDATION_FAILED details → form errors. */
export const formErrorsFromServer = (details: TFieldErrors): TFormErrors => mergeFieldErrors({}, details);
