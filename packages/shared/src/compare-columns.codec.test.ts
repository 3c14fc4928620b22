import { describe, expect, it } from 'vitest';
import { CompareColumnsError, decodeCompareColumns, encodeCompareColumns } from './compare-columns.codec';
import { ZCompareResult, type TCompareResult } from './compare.schema';

const answer: TCompareResult = {
  series: [
    {
      runId: '7f0c9c43-4a53-4a57-9df1-0d3a1f2b6e11',
      tag: 'train/loss',
      steps: [0, 10, 20, 2 ** 40],
      wallTimes: [1.7e12, 1.7e12 + 250.5, 1.7e12 + 500, 1.8e12],
      values: [2.3, null, 0.1 + 0.2, -1e-300],
      smoothed: [2.3, 2.3, null, 1.1],
      smoothedOn: 'buckets',
      totalPoints: 100_000,
      downsampled: true,
    },
    {
      runId: '7f0c9c43-4a53-4a57-9df1-0d3a1f2b6e11',
      tag: 'test/loss',
      steps: [5],
      wallTimes: [1.7e12],
      values: [0.5],
      smoothed: null,
      smoothedOn: null,
      totalPoints: 1,
      downsampled: false,
    },
    {
      runId: 'r2',
      tag: 'train/loss',
      steps: [],
      wallTimes: [],
      values: [],
      smoothed: [],
      smoothedOn: 'full',
      totalPoints: 0,
      downsampled: false,
    },
  ],
  missingRuns: ['gone'],
};

/** The encoded bytes in a buffer of their own (as fetch's arrayBuffer() gives them). */
const encoded = (result: TCompareResult = answer): ArrayBuffer => encodeCompareColumns(result).slice().buffer;

describe('compare columns', () => {
  it('decodes to exactly the answer it encoded, which the shared schema accepts', () => {
    const decoded = decodeCompareColumns(encoded());
    expect(decoded).toEqual(answer);
    expect(ZCompareResult.parse(decoded)).toEqual(answer);
    expect(decodeCompareColumns(encoded({ series: [], missingRuns: [] }))).toEqual({ series: [], missingRuns: [] });
  });

  it('is eight bytes a number plus a small head', () => {
    const numbers = 4 * 4 + 3 * 1 + 4 * 0;
    const bytes = encodeCompareColumns(answer).byteLength;
    expect(bytes).toBeGreaterThan(numbers * 8);
    expect(bytes).toBeLessThan(numbers * 8 + 1000);
  });

  it('refuses columns of different lengths when encoding', () => {
    const bad = { ...answer, series: [{ ...answer.series[0]!, values: [1] }] };
    expect(() => encodeCompareColumns(bad)).toThrow(/different lengths/);
  });

  it('rejects what is not a well-formed answer', () => {
    const good = new Uint8Array(encoded());
    const withByte = (at: number, value: number) => {
      const copy = good.slice();
      copy[at] = value;
      return copy.buffer;
    };
    // The body starts after the head, padded to 8, with the first series' first step (0).
    const bodyAt = Math.ceil((8 + new DataView(good.buffer).getUint32(4, true)) / 8) * 8;
    const cases: [string, ArrayBuffer][] = [
      ['empty', new ArrayBuffer(0)],
      ['json', new TextEncoder().encode(JSON.stringify(answer)).buffer],
      ['truncated', good.slice(0, good.byteLength - 8).buffer],
      ['longer', new Uint8Array([...good, 0, 0, 0, 0, 0, 0, 0, 0]).buffer],
      ['head not json', withByte(9, 0x7b)],
      // The first step (0.0) with its lowest byte set: 5e-324, finite but no integer.
      ['step not an integer', withByte(bodyAt, 1)],
    ];
    for (const [what, buffer] of cases) expect(() => decodeCompareColumns(buffer), what).toThrow(CompareColumnsError);
  });

  it('checks the head with the shared schema', () => {
    const bad = encoded({ ...answer, series: [{ ...answer.series[0]!, smoothedOn: 'sometimes' as 'full' }] });
    expect(() => decodeCompareColumns(bad)).toThrow(/smoothedOn/);
  });
});
