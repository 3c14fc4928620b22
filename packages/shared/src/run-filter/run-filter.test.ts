import { describe, expect, it } from 'vitest';
import { ZRunConfig } from '../run-config.schema';
import type { TRun } from '../run.schema';
import { matchesRunFilter } from './run-filter.match';
import { parseRunFilter } from './run-filter.parser';
import type { TFilterExpr } from './run-filter.types';

const parsed = (text: string): TFilterExpr => {
  const r = parseRunFilter(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.position}`);
  return r.expr;
};
const error = (text: string) => {
  const r = parseRunFilter(text);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
};

const run = (config: Record<string, unknown>, extra: Partial<TRun> & { tags?: string[] } = {}) =>
  ({
    id: 'r',
    name: String(config.name ?? 'r'),
    status: 'completed',
    config: ZRunConfig.parse({ name: 'r', ...config }),
    finalMetrics: null,
    bestMetrics: null,
    ...extra,
  }) as TRun & { tags?: string[] };

describe('parseRunFilter', () => {
  it('reads the issue example with and/or/in/not, precedence not > and > or', () => {
    expect(parsed('hiddenSize >= 256 and test/accuracy > 0.9')).toEqual({
      kind: 'and',
      items: [
        { kind: 'cmp', field: { kind: 'config', key: 'hiddenSize', type: 'number' }, op: '>=', value: 256 },
        { kind: 'cmp', field: { kind: 'metric', agg: 'final', tag: 'test/accuracy', type: 'number' }, op: '>', value: 0.9 },
      ],
    });
    const e = parsed('model = lstm or model = gru and not optimizer in (sgd, momentum)');
    expect(e.kind).toBe('or');
    if (e.kind !== 'or') return;
    expect(e.items[1]!.kind).toBe('and');
    expect(parsed('optimizer not in (sgd)')).toMatchObject({ kind: 'in', negate: true, values: ['sgd'] });
    expect(parsed('best(test/accuracy) >= 0.5')).toMatchObject({ field: { kind: 'metric', agg: 'best', tag: 'test/accuracy' } });
    expect(parsed('learningRate < 1e-3')).toMatchObject({ value: 0.001 });
    expect(parsed("name ~ 'gray adam'")).toMatchObject({ op: '~', value: 'gray adam' });
    expect(parsed('variant = cifar-gray28 AND (seed = 1 OR seed = 2)')).toMatchObject({ kind: 'and' });
  });

  it('names what is wrong and where', () => {
    expect(error('hiddensize > 3')).toEqual({ message: 'unknown field "hiddensize" (did you mean hiddenSize?)', position: 0 });
    expect(error('hiddenSize > big')).toEqual({ message: 'hiddenSize takes a number, not "big"', position: 13 });
    expect(error('optimizer = adamw')).toEqual({ message: 'optimizer is one of adam, sgd, momentum; not "adamw"', position: 12 });
    expect(error('status in (done)').message).toBe('status is one of queued, running, completed, failed, cancelled; not "done"');
    expect(error('model < lstm').message).toBe('model is text: use =, !=, ~ or in');
    expect(error('seed ~ 1').message).toBe('seed is a number: ~ (contains) is for text');
    expect(error('(seed = 1').message).toBe('expected ")" but found the end');
    expect(error('seed = 1 seed = 2')).toEqual({ message: 'expected "and", "or" or the end but found "seed"', position: 9 });
    expect(error("name = 'open").message).toBe("unclosed ' quote");
    expect(error('').message).toBe('the filter is empty');
    expect(error('seed = 1 and').message).toBe('expected a field name but found the end');
    expect(error('seed $ 1').message).toBe('unexpected character "$"');
    expect(error(Array.from({ length: 41 }, () => 'seed = 1').join(' or ')).message).toBe('a filter has at most 40 comparisons');
    expect(error('x'.repeat(1001)).message).toBe('a filter is at most 1000 characters');
  });
});

describe('matchesRunFilter', () => {
  const lstm256 = run(
    { model: 'lstm', hiddenSize: 256 },
    { finalMetrics: { 'test/accuracy': 0.95 }, bestMetrics: { 'test/accuracy': { value: 0.96, step: 9 } } },
  );
  const lstm128 = run({ model: 'lstm', hiddenSize: 128 }, { finalMetrics: { 'test/accuracy': 0.97 }, tags: ['baseline'] });
  const lenet = run({ model: 'lenet5', optimizer: 'sgd', name: 'Gray-SGD' }, { status: 'failed' });

  it('filters on config fields, final and best metrics, run attributes and tags', () => {
    const pick = (text: string) => [lstm256, lstm128, lenet].filter((r) => matchesRunFilter(parsed(text), r)).map((r) => r.config);
    expect(pick('hiddenSize >= 256 and test/accuracy > 0.9')).toEqual([lstm256.config]);
    expect(pick('best(test/accuracy) > 0.9')).toEqual([lstm256.config]);
    expect(pick('optimizer in (sgd, momentum) or hiddenSize = 128')).toEqual([lstm128.config, lenet.config]);
    expect(pick('status = failed')).toEqual([lenet.config]);
    expect(pick('name ~ gray')).toEqual([lenet.config]);
    expect(pick('tag = baseline')).toEqual([lstm128.config]);
    expect(pick('tag != baseline')).toEqual([lstm256.config, lenet.config]);
  });

  it('treats an absent value as unknown, which matches neither a comparison nor its negation', () => {
    // LeNet has no hiddenSize and no logged accuracy: SQL NULL semantics.
    expect(matchesRunFilter(parsed('hiddenSize < 1000'), lenet)).toBe(false);
    expect(matchesRunFilter(parsed('not hiddenSize < 1000'), lenet)).toBe(false);
    expect(matchesRunFilter(parsed('hiddenSize != 5'), lenet)).toBe(false);
    expect(matchesRunFilter(parsed('hiddenSize < 1000 or model = lenet5'), lenet)).toBe(true);
    expect(matchesRunFilter(parsed('gradClipNorm > 0'), lstm256)).toBe(false);
  });
});

describe('parseRunSort', () => {
  it('reads a field and a direction, and gives it back as text', async () => {
    const { parseRunSort, formatRunSort } = await import('./run-sort.parse');
    for (const text of ['-createdAt', 'hiddenSize', '-best(test/accuracy)', 'test/loss', 'name']) {
      const r = parseRunSort(text);
      if (!r.ok) throw new Error(r.error.message);
      expect(formatRunSort(r.sort)).toBe(text);
    }
    expect(parseRunSort('-tag')).toMatchObject({ ok: false });
    expect(parseRunSort('hiddensize')).toMatchObject({
      ok: false,
      error: { message: 'unknown field "hiddensize" (did you mean hiddenSize?)' },
    });
  });
});
