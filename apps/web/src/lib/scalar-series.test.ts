import { describe, expect, it } from 'vitest';
import { lastStep, mergeScalarPoints } from './scalar-series';

const p = (step: number, value = step / 10, wallTime = 1000 + step) => ({ step, value, wallTime });

describe('mergeScalarPoints', () => {
  it('appends points that come after the series', () => {
    expect(mergeScalarPoints([p(10), p(20)], [p(30), p(40)]).map((x) => x.step)).toEqual([10, 20, 30, 40]);
  });

  it('starts a series from nothing', () => {
    expect(mergeScalarPoints([], [p(1), p(2)])).toEqual([p(1), p(2)]);
  });

  it('drops duplicate steps, the incoming copy winning', () => {
    const merged = mergeScalarPoints([p(10), p(20, 0.5)], [p(20, 0.7), p(30)]);
    expect(merged.map((x) => x.step)).toEqual([10, 20, 30]);
    expect(merged[1]!.value).toBe(0.7);
  });

  it('sorts points that arrive out of order or interleaved', () => {
    const merged = mergeScalarPoints([p(10), p(40)], [p(30), p(20), p(50)]);
    expect(merged.map((x) => x.step)).toEqual([10, 20, 30, 40, 50]);
  });

  it('dedupes within the incoming batch', () => {
    expect(mergeScalarPoints([], [p(5), p(5), p(3)]).map((x) => x.step)).toEqual([3, 5]);
  });

  it('returns the same array when nothing changes (no redraw)', () => {
    const existing = [p(10), p(20)];
    expect(mergeScalarPoints(existing, [])).toBe(existing);
    expect(mergeScalarPoints(existing, [p(20)])).toBe(existing);
  });

  it('does not mutate its inputs', () => {
    const existing = [p(10), p(30)];
    const incoming = [p(20)];
    mergeScalarPoints(existing, incoming);
    expect(existing.map((x) => x.step)).toEqual([10, 30]);
    expect(incoming.map((x) => x.step)).toEqual([20]);
  });
});

describe('lastStep', () => {
  it('is the last step, or undefined for no series', () => {
    expect(lastStep([p(1), p(9)])).toBe(9);
    expect(lastStep([])).toBeUndefined();
    expect(lastStep(undefined)).toBeUndefined();
  });
});
