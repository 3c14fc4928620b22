import type { TLayer, TLayerType } from '@tensorscope/shared';
import { ZLayer, fieldMessages, toFieldErrors } from '@tensorscope/shared';

/*
 * A layer as the layer editor holds it: its type and the raw text of each field, so a half-typed
 * "1." or an empty box survives until it is fixed, exactly like the run form's number boxes. The
 * fields of each type and their defaults come from ZLayer; parsing goes back through ZLayer, so
 * the editor says what the API would.
 */

/** How a field is entered: a number, a window ("3" or "3x5"), a choice, a tick or a shape ("28, 28"). */
export type TLayerFieldKind = 'integer' | 'decimal' | 'window' | 'activation' | 'padding' | 'boolean' | 'shape' | 'name';

export interface TLayerFieldSpec {
  key: string;
  kind: TLayerFieldKind;
  label: string;
  /** Blank keeps the schema's meaning (e.g. a pool's strides: its pool size). */
  blank?: string;
}

const f = (key: string, kind: TLayerFieldKind, label: string, blank?: string): TLayerFieldSpec => ({
  key,
  kind,
  label,
  ...(blank ? { blank } : {}),
});
const poolFields = [f('poolSize', 'window', 'pool'), f('strides', 'window', 'strides', 'pool'), f('padding', 'padding', 'padding')];
const recurrentFields = [f('units', 'integer', 'units'), f('returnSequences', 'boolean', 'sequences')];

/** Each type's fields, in the order the row shows them (the name comes last, blank = made from the type). */
export const LAYER_FIELDS: Readonly<Record<TLayerType, readonly TLayerFieldSpec[]>> = {
  conv2d: [
    f('filters', 'integer', 'filters'),
    f('kernelSize', 'window', 'kernel'),
    f('strides', 'window', 'strides'),
    f('padding', 'padding', 'padding'),
    f('activation', 'activation', 'activation'),
    f('useBias', 'boolean', 'bias'),
  ],
  maxPool2d: poolFields,
  avgPool2d: poolFields,
  batchNorm: [f('momentum', 'decimal', 'momentum'), f('epsilon', 'decimal', 'epsilon')],
  dropout: [f('rate', 'decimal', 'rate')],
  flatten: [],
  globalAvgPool2d: [],
  dense: [f('units', 'integer', 'units'), f('activation', 'activation', 'activation'), f('useBias', 'boolean', 'bias')],
  rnn: recurrentFields,
  lstm: recurrentFields,
  gru: recurrentFields,
  reshape: [f('targetShape', 'shape', 'target shape')],
};
export const NAME_FIELD = f('name', 'name', 'name', 'auto');

export interface TLayerDraft {
  /** Stable across reordering (React's key); not part of the layer. */
  id: string;
  type: TLayerType;
  fields: Record<string, string>;
}

let nextId = 0;
export const draftId = (): string => `layer-${Date.now().toString(36)}-${(nextId++).toString(36)}`;

/** What a new layer of each type starts with where the schema has no default (its required fields). */
function starter(type: TLayerType, input: readonly number[] | undefined): Record<string, unknown> {
  switch (type) {
    case 'conv2d':
      return { filters: 8, kernelSize: 3, activation: 'relu' };
    case 'dense':
      return { units: 64, activation: 'relu' };
    case 'dropout':
      return { rate: 0.25 };
    case 'rnn':
    case 'lstm':
    case 'gru':
      return { units: 64 };
    case 'reshape':
      // Rows as steps: [h, w, c] → [h, w·c], what a recurrent layer after an image wants.
      return { targetShape: input && input.length === 3 ? [input[0], input[1]! * input[2]!] : [28, 28] };
    default:
      return {};
  }
}

/** A new layer of `type` with the schema's defaults; `input` (the shape it will read) sizes a reshape. */
export function newLayerDraft(type: TLayerType, input?: readonly number[]): TLayerDraft {
  return draftFromLayer(ZLayer.parse({ type, ...starter(type, input) }));
}

const windowText = (v: number | [number, number]) => (typeof v === 'number' ? String(v) : v[0] === v[1] ? String(v[0]) : `${v[0]}x${v[1]}`);

/** A layer (a preset's, an import's, a cloned run's) as editor text. */
export function draftFromLayer(layer: TLayer): TLayerDraft {
  const given = layer as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const spec of [...LAYER_FIELDS[layer.type], NAME_FIELD]) {
    const value = given[spec.key];
    if (value === undefined) fields[spec.key] = '';
    else if (spec.kind === 'window') fields[spec.key] = windowText(value as number | [number, number]);
    else if (spec.kind === 'shape') fields[spec.key] = (value as number[]).join(', ');
    else fields[spec.key] = String(value);
  }
  return { id: draftId(), type: layer.type, fields };
}

/**
 * Changing a layer's type keeps the fields both types have (units of a dense becoming an lstm)
 * and the name, and takes the new type's defaults for the rest.
 */
export function changeLayerType(draft: TLayerDraft, type: TLayerType, input?: readonly number[]): TLayerDraft {
  const fresh = newLayerDraft(type, input);
  const fields = { ...fresh.fields };
  for (const key of Object.keys(fields)) if (draft.fields[key] !== undefined && draft.fields[key] !== '') fields[key] = draft.fields[key]!;
  return { id: draft.id, type, fields };
}

export type TFieldText = { ok: true; value: unknown } | { ok: false; message: string };

const WINDOW = /^(\d+)\s*[x×]\s*(\d+)$/;

/** One field's text → the value ZLayer checks; blank is left out (the schema's default, or its "required"). */
export function parseFieldText(spec: TLayerFieldSpec, text: string): TFieldText {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  switch (spec.kind) {
    case 'integer':
    case 'decimal': {
      const n = Number(t);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `${spec.key} must be a number` };
    }
    case 'window': {
      const pair = WINDOW.exec(t);
      if (pair) return { ok: true, value: [Number(pair[1]), Number(pair[2])] };
      const n = Number(t);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `${spec.key} is a size (3) or height x width (3x5)` };
    }
    case 'boolean':
      return { ok: true, value: t === 'true' };
    case 'shape': {
      const parts = t.split(/[,x×]/).map((p) => p.trim());
      const sizes = parts.map(Number);
      return parts.every((p) => p !== '') && sizes.every(Number.isFinite)
        ? { ok: true, value: sizes }
        : { ok: false, message: `${spec.key} is a list of sizes, e.g. 28, 28` };
    }
    default:
      return { ok: true, value: t };
  }
}

export type TLayerParse = { ok: true; layer: TLayer } | { ok: false; errors: Record<string, string> };

/**
 * A draft → a layer, or one message per field at fault. `override` replaces a field's text with a
 * value (a sweep's first value of a list).
 */
export function parseLayerDraft(draft: TLayerDraft, override: Record<string, unknown> = {}): TLayerParse {
  const errors: Record<string, string> = {};
  const candidate: Record<string, unknown> = { type: draft.type };
  for (const spec of [...LAYER_FIELDS[draft.type], NAME_FIELD]) {
    if (spec.key in override) {
      candidate[spec.key] = override[spec.key];
      continue;
    }
    const parsed = parseFieldText(spec, draft.fields[spec.key] ?? '');
    if (!parsed.ok) errors[spec.key] = parsed.message;
    else if (parsed.value !== undefined) candidate[spec.key] = parsed.value;
  }
  const layer = ZLayer.safeParse(candidate, { error: fieldMessages });
  if (!layer.success)
    for (const issue of toFieldErrors(layer.error)) {
      const key = issue.path.split('.')[0] || 'layer';
      errors[key] ??= issue.message;
    }
  if (Object.keys(errors).length > 0 || !layer.success) return { ok: false, errors };
  return { ok: true, layer: layer.data };
}

/** The whole stack's text, as the run form keeps it in its `network` value (so Reset, clone and a failed submit keep it). */
export const networkDraftText = (drafts: readonly TLayerDraft[]): string => JSON.stringify(drafts);

/** The form's `network` value → drafts; anything unreadable is an empty stack. */
export function readNetworkDraft(text: string): TLayerDraft[] {
  if (text === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as TLayerDraft[]) : [];
  } catch {
    return [];
  }
}
