import { describe, expect, it } from 'vitest';
import { compareSearch } from './compare.api';

describe('compareSearch', () => {
  it('writes the compare query, leaving absent and zero smoothing out', () => {
    const search = compareSearch({ runs: ['a', 'b'], tags: ['train/loss'], smoother: 'ema', buckets: 800, smoothing: 0 });
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      runs: 'a,b',
      tags: 'train/loss',
      smoother: 'ema',
      buckets: '800',
    });
  });

  it('includes smoothing and the step window', () => {
    const search = compareSearch({ runs: ['a'], tags: ['t'], smoother: 'sma', buckets: 10, smoothing: 0.6, fromStep: 5, toStep: 50 });
    expect(Object.fromEntries(new URLSearchParams(search))).toMatchObject({ smoothing: '0.6', fromStep: '5', toStep: '50' });
  });
});
