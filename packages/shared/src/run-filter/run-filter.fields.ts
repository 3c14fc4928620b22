import { RUN_CONFIG_KEYS, fieldSpec } from '../run-config.fields';
import { RUN_STATUSES } from '../run.schema';
import type { TFilterField } from './run-filter.types';

/** A metric tag as logged (`test/accuracy`, `weights/conv1/kernel/std`). */
const METRIC_TAG = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/;

// Built on first use, not at import: run.schema validates filters with this module, so the two
// import each other and neither may read the other's values while loading.
const runFields = (): Record<string, TFilterField> => ({
  status: { kind: 'run', key: 'status', type: 'string', options: RUN_STATUSES },
  name: { kind: 'run', key: 'name', type: 'string' },
  tag: { kind: 'run', key: 'tag', type: 'string' },
});

/** Everything a filter may name, for messages and the dashboard's hints. */
export const filterFieldNames = (): string[] => [
  'status',
  'name',
  'tag',
  ...RUN_CONFIG_KEYS.filter((k) => k !== 'name' && fieldSpec(k).kind !== 'network' && fieldSpec(k).kind !== 'derived'),
];

/** `hiddenSize` → the config field; `test/accuracy` → its final value; `best(test/accuracy)` is resolved by the parser. */
export function resolveField(name: string, agg?: 'final' | 'best'): TFilterField | string {
  if (agg || name.includes('/')) {
    if (!METRIC_TAG.test(name)) return `"${name}" is not a metric tag (like test/accuracy)`;
    return { kind: 'metric', agg: agg ?? 'final', tag: name, type: 'number' };
  }
  const run = runFields()[name];
  if (run) return run;
  const key = RUN_CONFIG_KEYS.find((k) => k === name);
  if (key) {
    const spec = fieldSpec(key);
    if (spec.kind === 'choice') return { kind: 'config', key, type: 'string', options: spec.options };
    if (spec.kind === 'network' || spec.kind === 'derived') return `"${name}" is a structure, not a value a filter can compare`;
    return { kind: 'config', key, type: spec.kind === 'text' || spec.kind === 'dataset' ? 'string' : 'number' };
  }
  const near = filterFieldNames().find((f) => f.toLowerCase() === name.toLowerCase());
  return near ? `unknown field "${name}" (did you mean ${near}?)` : `unknown field "${name}"`;
}
