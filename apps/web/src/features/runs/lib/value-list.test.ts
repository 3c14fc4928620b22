import { describe, expect, it } from 'vitest';
import { parseNumberList, parseNumberText, splitList } from './value-list';

describe('parseNumberText', () => {
  it('reads a number, trimming spaces', () => {
    expect(parseNumberText('epochs', ' 2 ')).toEqual({ ok: true, value: 2 });
    expect(parseNumberText('learningRate', '1e-3')).toEqual({ ok: true, value: 0.001 });
  });

  it('treats blank as unset only for optional fields', () => {
    expect(parseNumberText('gradClipNorm', '  ', true)).toEqual({ ok: true, value: undefined });
    expect(parseNumberText('epochs', '')).toEqual({ ok: false, message: 'epochs is required' });
  });

  it('rejects text that is not a finite number', () => {
    expect(parseNumberText('seed', 'abc')).toEqual({ ok: false, message: 'seed must be a number' });
    expect(parseNumberText('seed', 'Infinity')).toEqual({ ok: false, message: 'seed must be a number' });
  });
});

describe('splitList', () => {
  it('splits on commas and drops empty items', () => {
    expect(splitList(' 128, 256 ,,1024, ')).toEqual(['128', '256', '1024']);
    expect(splitList('   ')).toEqual([]);
  });
});

describe('parseNumberList', () => {
  it('turns "128, 256, 1024" into numbers, in the order typed', () => {
    expect(parseNumberList('hiddenSize', '128, 256, 1024')).toEqual({ ok: true, values: [128, 256, 1024] });
    expect(parseNumberList('learningRate', '1e-3,0.01')).toEqual({ ok: true, values: [0.001, 0.01] });
  });

  it('keeps a single value as a list of one', () => {
    expect(parseNumberList('epochs', '3')).toEqual({ ok: true, values: [3] });
  });

  it('names every item that is not a number', () => {
    expect(parseNumberList('hiddenSize', '128, abc, 256')).toEqual({ ok: false, message: 'hiddenSize: "abc" is not a number' });
    expect(parseNumberList('hiddenSize', '1 28, x')).toEqual({ ok: false, message: 'hiddenSize: "1 28", "x" are not numbers' });
  });

  it('gives an empty list for a blank optional field and an error for a required one', () => {
    expect(parseNumberList('trainSubset', ' , ', true)).toEqual({ ok: true, values: [] });
    expect(parseNumberList('epochs', '')).toEqual({ ok: false, message: 'epochs is required' });
  });
});
