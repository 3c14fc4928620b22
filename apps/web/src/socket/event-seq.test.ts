import { describe, expect, it } from 'vitest';
import { decideSeq, drainHeld, type THeldEvent } from './event-seq';

describe('decideSeq', () => {
  it('applies the next number', () => {
    expect(decideSeq(4, 5)).toBe('apply');
  });

  it('applies the first event seen (it becomes the baseline)', () => {
    expect(decideSeq(undefined, 17)).toBe('apply');
  });

  it('applies events without a number (an API that does not number them)', () => {
    expect(decideSeq(4, undefined)).toBe('apply');
    expect(decideSeq(undefined, undefined)).toBe('apply');
  });

  it('skips what was already applied (duplicates after a catch-up)', () => {
    expect(decideSeq(5, 5)).toBe('skip');
    expect(decideSeq(5, 2)).toBe('skip');
  });

  it('catches up on a jump', () => {
    expect(decideSeq(4, 6)).toBe('catch-up');
    expect(decideSeq(0, 9)).toBe('catch-up');
  });
});

describe('drainHeld', () => {
  const held = (applied: number[], ...seqs: number[]): THeldEvent[] => seqs.map((seq) => ({ seq, apply: () => applied.push(seq) }));

  it('applies held events in order, dropping the ones already covered', () => {
    const applied: number[] = [];
    const result = drainHeld(5, held(applied, 7, 4, 6, 5));
    expect(applied).toEqual([6, 7]);
    expect(result).toEqual({ last: 7, rest: [] });
  });

  it('stops at a gap and hands back the rest, from the gap on', () => {
    const applied: number[] = [];
    const result = drainHeld(5, held(applied, 6, 9, 10));
    expect(applied).toEqual([6]);
    expect(result.last).toBe(6);
    expect(result.rest.map((e) => e.seq)).toEqual([9, 10]);
  });

  it('does nothing with nothing held', () => {
    expect(drainHeld(3, [])).toEqual({ last: 3, rest: [] });
  });
});
