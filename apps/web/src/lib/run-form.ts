import type { TFieldErrors, TRunConfig } from '@tensorscope/shared';
import { ZLenet5Config, ZRunConfig, toFieldErrors } from '@tensorscope/shared';

/** Form fields, named exactly like the config fields they fill (inputs use them as `name`). */
export const CHOICE_FIELDS = ['name', 'model', 'variant', 'optimizer', 'backend'] as const;
export const NUMBER_FIELDS = [
  'learningRate',
  'batchSize',
  'epochs',
  'trainSubset',
  'evalSubset',
  'evalInterval',
  'logInterval',
  'seed',
  'statsInterval',
  'snapshotsPerEpoch',
  'probeImages',
  'histogramBins',
  'snapshotLimit',
  'snapshotKeepEvery',
] as const;
export type TFormField = (typeof CHOICE_FIELDS)[number] | (typeof NUMBER_FIELDS)[number];
export const FORM_FIELDS: readonly TFormField[] = [...CHOICE_FIELDS, ...NUMBER_FIELDS];

/** What the inputs hold: raw text, so a half-typed "0." survives a failed submit. */
export type TRunFormValues = Record<TFormField, string>;

/** One message per field, plus `form` for errors that belong to no field. */
export type TFormErrors = Partial<Record<TFormField | 'form', string>>;

export type TParseResult = { ok: true; config: TRunConfig } | { ok: false; errors: TFormErrors };

const isFormField = (path: string): path is TFormField => (FORM_FIELDS as readonly string[]).includes(path);

/** Initial values, taken from the schema's own defaults so the form never disagrees with the API. */
export function defaultFormValues(): TRunFormValues {
  // `name` has no default; a placeholder satisfies the schema and is dropped right after.
  const defaults = ZLenet5Config.parse({ model: 'lenet5', name: 'placeholder' });
  const values = { name: '' } as TRunFormValues;
  for (const field of FORM_FIELDS) {
    if (field !== 'name') values[field] = String(defaults[field]);
  }
  return values;
}

/**
 * Turns the form's text into a run config, or into one message per invalid field.
 * Numbers are parsed here so "abc" or an empty box gets a plain message instead of
 * silently falling back to the schema default.
 */
export function parseRunForm(values: TRunFormValues): TParseResult {
  const errors: TFormErrors = {};
  const candidate: Record<string, unknown> = {};
  for (const field of CHOICE_FIELDS) candidate[field] = values[field];
  for (const field of NUMBER_FIELDS) {
    const text = values[field].trim();
    if (text === '') {
      errors[field] = `${field} is required`;
      continue;
    }
    const number = Number(text);
    if (!Number.isFinite(number)) {
      errors[field] = `${field} must be a number`;
      continue;
    }
    candidate[field] = number;
  }
  const parsed = ZRunConfig.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, config: parsed.data };
  if (!parsed.success) mergeFieldErrors(errors, toFieldErrors(parsed.error));
  return { ok: false, errors };
}

/** Places `{path, message}` pairs (from zod or from a server 400) on their fields. */
export function mergeFieldErrors(errors: TFormErrors, details: TFieldErrors): TFormErrors {
  const unplaced: string[] = [];
  for (const { path, message } of details) {
    // Nested paths ("config.seed") land on their first known segment.
    const field = path.split('.').find(isFormField);
    if (field) {
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
