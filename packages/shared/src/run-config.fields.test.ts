import { describe, expect, it } from 'vitest';
import { RUN_CONFIG_KEYS, fieldAppliesToModel, fieldSpec, runConfigKeys } from './run-config.fields';
import { MODEL_NAMES, ZCustomConfig, ZGruConfig, ZLenet5Config, ZLstmConfig, ZRnnConfig, ZRunConfig } from './run-config.schema';
import { SWEEP_FIELDS } from './sweep.schema';

// The registry is typed to hold every key; these check that what it says agrees with the schema.
const shapes = { lenet5: ZLenet5Config, rnn: ZRnnConfig, lstm: ZLstmConfig, gru: ZGruConfig, custom: ZCustomConfig };
const keysOf = (model: keyof typeof shapes) => Object.keys(shapes[model].shape);
/** The fields a model requires besides `model` (a custom run has no default dataset or network). */
const REQUIRED: Record<string, Record<string, unknown>> = { custom: { dataset: 'mnist', network: { layers: [{ type: 'flatten' }] } } };
const parse = (config: Record<string, unknown>) => ZRunConfig.safeParse({ name: 'n', ...REQUIRED[String(config.model)], ...config });

describe('RUN_CONFIG_FIELDS', () => {
  it('has exactly the keys the model schemas have', () => {
    const schemaKeys = new Set(MODEL_NAMES.flatMap((m) => keysOf(m)));
    expect(new Set(RUN_CONFIG_KEYS)).toEqual(schemaKeys);
  });

  it('says which models have a field as the schema does', () => {
    for (const model of MODEL_NAMES) {
      const defaults = parse({ model });
      expect(defaults.success).toBe(true);
      const present = new Set(Object.keys(defaults.data!));
      for (const key of RUN_CONFIG_KEYS) {
        // A field a model lacks is refused; one it has is either defaulted or optional.
        const spec = fieldSpec(key);
        const applies = fieldAppliesToModel(key, model);
        const optional = spec.kind === 'integer' || spec.kind === 'decimal' ? spec.unset !== undefined : spec.kind === 'derived';
        expect(applies, `${key} for ${model}`).toBe(present.has(key) || (optional && fieldAppliesToModel(key, model)));
      }
    }
  });

  it('marks as unset-able exactly the fields without a default', () => {
    for (const model of MODEL_NAMES) {
      const defaults = parse({ model }).data as Record<string, unknown>;
      for (const key of runConfigKeys((spec, k) => k !== 'name' && fieldAppliesToModel(k, model))) {
        const spec = fieldSpec(key);
        const unset = spec.kind === 'integer' || spec.kind === 'decimal' ? spec.unset : spec.kind === 'derived' ? 'off' : undefined;
        expect(defaults[key] === undefined, `${key} for ${model}`).toBe(unset !== undefined);
      }
    }
  });

  it('offers exactly the options the schema accepts', () => {
    for (const key of runConfigKeys((spec) => spec.kind === 'choice')) {
      const spec = fieldSpec(key);
      if (spec.kind !== 'choice') continue;
      const model = key === 'model' ? undefined : fieldAppliesToModel(key, 'lenet5') ? 'lenet5' : 'lstm';
      for (const option of spec.options) expect(parse({ model: model ?? option, [key]: option }).success, `${key}=${option}`).toBe(true);
      expect(parse({ model: model ?? 'nope', [key]: 'nope' }).success).toBe(false);
    }
  });

  it('derives the sweep fields: everything sweepable, never the name or the retention settings', () => {
    expect(SWEEP_FIELDS).not.toContain('name');
    expect(SWEEP_FIELDS).not.toContain('snapshotLimit');
    expect(SWEEP_FIELDS).toContain('hiddenSize');
    expect(SWEEP_FIELDS).toEqual(runConfigKeys((spec) => spec.sweepable));
  });

  it('treats a field it does not know as belonging to every model', () => {
    expect(fieldAppliesToModel('somethingNew', 'lenet5')).toBe(true);
    expect(fieldAppliesToModel('hiddenSize', 'lenet5')).toBe(false);
    expect(fieldAppliesToModel('variant', 'gru')).toBe(false);
    expect(fieldAppliesToModel('network', 'lenet5')).toBe(false);
    expect(fieldAppliesToModel('dataset', 'custom')).toBe(true);
  });
});
