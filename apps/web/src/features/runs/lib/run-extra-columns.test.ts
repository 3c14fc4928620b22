import { ZRunConfig, type TRun } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { EXTRA_COLUMNS, columnsFromStorage } from './run-extra-columns';

const run = {
  config: ZRunConfig.parse({ name: 'r', model: 'lstm', hiddenSize: 256 }),
  finalMetrics: { 'test/loss': 0.123456, 'train/accuracy': 0.5 },
  bestMetrics: { 'test/accuracy': { value: 0.975, step: 9 } },
} as unknown as TRun;
const column = (id: string) => EXTRA_COLUMNS.find((c) => c.id === id)!;

describe('run list extra columns', () => {
  it('offers every config field but the name and model, then final and best metrics, sortable by the API', () => {
    expect(EXTRA_COLUMNS.map((c) => c.id)).toContain('hiddenSize');
    expect(EXTRA_COLUMNS.map((c) => c.id)).not.toContain('name');
    expect(column('hiddenSize')).toMatchObject({ label: 'Hidden size', sortKey: 'hiddenSize', numeric: true });
    expect(column('best(test/accuracy)').sortKey).toBe('best(test/accuracy)');
  });

  it('shows what the run has and nothing for what it lacks', () => {
    expect(column('hiddenSize').cell(run)).toBe('256');
    expect(column('variant').cell(run)).toBeUndefined();
    expect(column('test/loss').cell(run)).toBe('0.1235');
    expect(column('best(test/accuracy)').cell(run)).toBe('97.5%');
    expect(column('train/loss').cell(run)).toBeUndefined();
  });

  it('reads the stored choice defensively, in the picker order', () => {
    expect(columnsFromStorage('["test/loss","hiddenSize","gone"]').map((c) => c.id)).toEqual(['hiddenSize', 'test/loss']);
    expect(columnsFromStorage('not json')).toEqual([]);
    expect(columnsFromStorage('{"a":1}')).toEqual([]);
    expect(columnsFromStorage(null)).toEqual([]);
  });
});
