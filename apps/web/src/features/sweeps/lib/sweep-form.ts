import type { TChoiceKey, TFieldErrors, TSweepAxis, TSweepCreate, TSweepPoint, TSweepableKey } from '@tensorscope/shared';
import { SWEEP_FIELDS, ZSweepCreate, expandSweep, fieldMessages, runConfigKeys, toFieldErrors } from '@tensorscope/shared';
import { fieldAppliesTo } from '../../runs/lib/model-fields';
import { FORM_FIELDS, isFormField, isNumberField, isOptionalField, type TFormErrors, type TRunFormValues } from '../../runs/lib/run-form';
import { parseNumberList, parseNumberText, splitList } from '../../runs/lib/value-list';
import { networkDraftText, readNetworkDraft } from '../../network/lib/layer-draft';
import { firstValueDrafts, layerErrorKey, layerIndexOfPath, parseNetworkDraft } from '../../network/lib/network-draft';

/*
 * Sweep mode of the new-run form. The same text boxes hold lists ("128, 256, 1024"), the choice
 * fields become multi-selects; a field with one value goes into the sweep's base config, a field
 * with several becomes an axis. The whole sweep is validated here with the API's own
 * `expandSweep`, so the preview and the field errors match what POST /api/sweeps would answer.
 * A custom network's layer boxes take lists too: "8, 16, 32" in layer 0's filters becomes the
 * axis network.layers.0.filters.
 */

/** The choice fields, multi-selects in a sweep. */
export type TSweepChoiceField = TChoiceKey & TSweepableKey;
export const SWEEP_CHOICE_FIELDS = runConfigKeys((spec) => spec.kind === 'choice' && spec.sweepable) as TSweepChoiceField[];
/** The ticked options of each multi-select. */
export type TSweepChoices = Record<TSweepChoiceField, string[]>;

const isSweepField = (field: string): boolean => (SWEEP_FIELDS as readonly string[]).includes(field);
const isChoiceField = (field: string): field is TSweepChoiceField => (SWEEP_CHOICE_FIELDS as readonly string[]).includes(field);

/** Entering sweep mode: each multi-select starts with the single run's choice. */
export function choicesFromValues(values: TRunFormValues): TSweepChoices {
  return Object.fromEntries(SWEEP_CHOICE_FIELDS.map((field) => [field, [values[field]]])) as TSweepChoices;
}

/**
 * Leaving sweep mode: the single run takes the first value of everything that held several,
 * the first ticked option of each multi-select (a select keeps its value if none is ticked)
 * and the first item of each list ("128, 256" → "128"), in the layer editor's boxes too.
 */
export function valuesFromChoices(values: TRunFormValues, choices: TSweepChoices): TRunFormValues {
  const next = { ...values };
  for (const field of SWEEP_CHOICE_FIELDS) next[field] = choices[field][0] ?? values[field];
  for (const field of FORM_FIELDS) {
    if (isNumberField(field) && values[field].includes(',')) next[field] = splitList(values[field])[0] ?? '';
  }
  next.network = networkDraftText(firstValueDrafts(readNetworkDraft(values.network)));
  return next;
}

/** Ticks or unticks an option, keeping the options' own order so axes read predictably. */
export function toggleChoice(options: readonly string[], picked: readonly string[], option: string): string[] {
  const next = picked.includes(option) ? picked.filter((p) => p !== option) : [...picked, option];
  return options.filter((o) => next.includes(o));
}

export type TSweepDraft = {
  /** Axes read from the form so far; null while some list doesn't parse. */
  axes: TSweepAxis[] | null;
  /** Runs the axes make (the product of their lengths); null while unknown. */
  runCount: number | null;
} & ({ ok: true; create: TSweepCreate; points: TSweepPoint[] } | { ok: false; errors: TFormErrors });

/** The form's text and ticks → a validated sweep, or messages on the fields at fault. */
export function buildSweepDraft(values: TRunFormValues, choices: TSweepChoices): TSweepDraft {
  const errors: TFormErrors = {};
  const base: Record<string, unknown> = {};
  const lists = new Map<string, (number | string)[]>();
  const models = choices.model;
  // With no model ticked nothing applies; model's own error says why.
  const applies = (field: string) => models.length === 0 || models.some((m) => fieldAppliesTo(field, m));

  const networkAxes: TSweepAxis[] = [];
  for (const field of FORM_FIELDS) {
    if (field === 'name' || !applies(field)) continue;
    if (field === 'dataset') base.dataset = values.dataset;
    else if (field === 'network') {
      const network = parseNetworkDraft(readNetworkDraft(values.network), true);
      if (!network.ok) Object.assign(errors, network.errors, { network: 'fix the layers marked below' });
      else {
        base.network = { layers: network.layers };
        networkAxes.push(...network.axes);
      }
    } else if (isChoiceField(field)) {
      if (choices[field].length === 0) errors[field] = `${field}: pick at least one`;
      else lists.set(field, choices[field]);
    } else if (isNumberField(field) && isSweepField(field)) {
      const parsed = parseNumberList(field, values[field], isOptionalField(field));
      if (!parsed.ok) errors[field] = parsed.message;
      else if (parsed.values.length > 0) lists.set(field, parsed.values);
    } else if (isNumberField(field)) {
      // Not sweepable (snapshot retention): one value for every run.
      const parsed = parseNumberText(field, values[field], isOptionalField(field));
      if (!parsed.ok) errors[field] = parsed.message;
      else if (parsed.value !== undefined) base[field] = parsed.value;
    }
  }

  const axes: TSweepAxis[] = [];
  for (const field of SWEEP_FIELDS) {
    const list = lists.get(field);
    if (!list) continue;
    if (list.length === 1) base[field] = list[0];
    else axes.push({ field, values: list });
  }
  axes.push(...networkAxes);
  const listsParsed = !SWEEP_FIELDS.some((f) => errors[f as keyof TFormErrors]);
  const runCount = listsParsed ? axes.reduce((n, a) => n * a.values.length, 1) : null;
  const known = { axes: listsParsed ? axes : null, runCount };

  if (listsParsed && axes.length === 0) errors.form = 'Give at least one field two or more values to sweep over it.';
  if (Object.keys(errors).length > 0) return { ...known, ok: false, errors };

  const create = ZSweepCreate.safeParse({ name: values.name, base, axes }, { error: fieldMessages });
  if (!create.success) return { ...known, ok: false, errors: placeSweepErrors(toFieldErrors(create.error), axes) };
  const expansion = expandSweep(create.data);
  if (!expansion.ok) return { ...known, ok: false, errors: placeSweepErrors(expansion.errors, axes) };
  return { ...known, ok: true, create: create.data, points: expansion.runs.map((r) => r.point) };
}

/**
 * Sweep error paths (from expandSweep, ZSweepCreate or a server 400) → form fields:
 * `name` is the sweep name, `axes.<i>…` the field of that axis, `base.<field>` that field.
 * Anything else (too many runs, an unknown field) goes to the form.
 */
export function placeSweepErrors(details: TFieldErrors, axes: readonly TSweepAxis[]): TFormErrors {
  const errors: TFormErrors = {};
  const unplaced: string[] = [];
  for (const { path, message } of details) {
    const [head, second] = path.split('.');
    let field: string | undefined;
    if (head === 'name') field = 'name';
    else if (head === 'axes' && second !== undefined) field = axes[Number(second)]?.field;
    else if (head === 'base') field = path.slice('base.'.length);
    // A layer's problem, or an axis varying a layer field: that layer's row.
    const layer = field !== undefined ? layerIndexOfPath(field) : undefined;
    if (layer !== undefined) errors[layerErrorKey(layer)] ??= message;
    else if (field !== undefined && isFormField(field.split('.')[0]!)) errors[field.split('.')[0] as keyof TFormErrors] ??= message;
    else unplaced.push(message);
  }
  if (unplaced.length > 0) errors.form = [...new Set(unplaced)].join('; ');
  return errors;
}

/** "model=lstm · hiddenSize=128": one combination, as the preview lists it. */
export const pointLabel = (point: TSweepPoint): string =>
  Object.entries(point)
    .map(([field, value]) => `${field}=${value}`)
    .join(' · ');
