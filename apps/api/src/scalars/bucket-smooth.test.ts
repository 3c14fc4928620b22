import { smoothEma } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { smoothBuckets, smoothBucketsCentred, smoothBucketsEma } from './bucket-smooth';

const ones = (values: number[]) => values.map((v) => ({ finiteCount: 1, sum: v }));

describe('bucketed smoothing', () => {
  it('on one-point buckets is exactly TensorBoard’s debiased EMA', () => {
    const ys = [1, 5, 2, 8, 3, 3, 9, 0.5];
    for (const w of [0, 0.6, 0.999]) {
      const got = smoothBucketsEma(ones(ys), w).values;
      smoothEma(ys, w).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    }
  });

  it('a bucket of c points moves the EMA as c equal points would', () => {
    // Buckets: 3 points of mean 2, then 2 points of mean 10. Equivalent series [2,2,2,10,10].
    const got = smoothBucketsEma(
      [
        { finiteCount: 3, sum: 6 },
        { finiteCount: 2, sum: 20 },
      ],
      0.5,
    ).values;
    const series = smoothEma([2, 2, 2, 10, 10], 0.5);
    expect(got[0]).toBeCloseTo(series[2]!, 12);
    expect(got[1]).toBeCloseTo(series[4]!, 12);
    // By hand: last = 0.125·0 + 0.875·2 = 1.75, /(1 − 0.125) = 2; then 0.25·1.75 + 0.75·10 = 7.9375, /(1 − 1/32) = 8.1935…
    expect(got[1]).toBeCloseTo(7.9375 / (1 - 1 / 32), 12);
  });

  it('empty buckets give null and do not move the state; a prefix carries into the range', () => {
    const { values } = smoothBucketsEma(
      [
        { finiteCount: 1, sum: 4 },
        { finiteCount: 0, sum: 0 },
        { finiteCount: 1, sum: 4 },
      ],
      0.9,
    );
    expect(values).toEqual([4, null, expect.closeTo(4, 12)]);
    const whole = smoothBuckets(ones([1, 2, 3, 4]), 0.7, 'ema');
    const split = smoothBuckets(ones([3, 4]), 0.7, 'ema', ones([1, 2]));
    expect(split[0]).toBeCloseTo(whole[2]!, 12);
    expect(split[1]).toBeCloseTo(whole[3]!, 12);
  });

  it('centred mean averages the points within ±round(w/(1−w)) of each bucket centre', () => {
    // w = 0.5 → ±1 point. One-point buckets: [(1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4)/2].
    expect(smoothBucketsCentred(ones([1, 2, 3, 4]), 0.5)).toEqual([1.5, 2, 3, 3.5]);
    // A 4-point bucket (mean 1) and 1-point buckets of 5: with ±1 the wide bucket stands alone.
    expect(
      smoothBucketsCentred(
        [
          { finiteCount: 4, sum: 4 },
          { finiteCount: 1, sum: 5 },
          { finiteCount: 1, sum: 5 },
        ],
        0.5,
      ),
    ).toEqual([1, 5, 5]);
    expect(smoothBucketsCentred([{ finiteCount: 0, sum: 0 }, ...ones([2])], 0.5)).toEqual([null, 2]);
  });
});
