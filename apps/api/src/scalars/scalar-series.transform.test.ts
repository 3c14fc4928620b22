import { smoothEma, ZScalarQuery } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { needsFullSeries, transformSeries } from './scalar-series.transform';

const points = Array.from({ length: 1000 }, (_, i) => ({ step: i + 1, wallTime: 1000 + i, value: (i % 7) - 3 + (i === 500 ? 50 : 0) }));
const q = (raw: Record<string, string>) => ZScalarQuery.parse({ tag: 'train/loss', ...raw });

describe('transformSeries', () => {
  it('smooths with the same steps as the raw answer', () => {
    const out = transformSeries(points, q({ smoothing: '0.6' }));
    expect(out.map((p) => p.step)).toEqual(points.map((p) => p.step));
    const expected = smoothEma(
      points.map((p) => p.value),
      0.6,
    );
    out.forEach((p, i) => expect(p.value).toBeCloseTo(expected[i]!, 12));
  });

  it('smooths on the full series before cutting a window, so values do not depend on the window', () => {
    const full = transformSeries(points, q({ smoothing: '0.9' }));
    const window = transformSeries(points, q({ smoothing: '0.9', fromStep: '400', toStep: '600' }));
    expect(window).toEqual(full.filter((p) => p.step >= 400 && p.step <= 600));
    expect(needsFullSeries(q({ smoothing: '0.9', afterStep: '10' }))).toBe(true);
    expect(transformSeries(points, q({ smoothing: '0.9', afterStep: '990' }))).toEqual(full.slice(990));
  });

  it('downsamples within the bound and keeps the spike', () => {
    const out = transformSeries(points, q({ buckets: '20' }));
    expect(out.length).toBeLessThanOrEqual(80);
    expect(out.some((p) => p.step === 501 && p.value === points[500]!.value)).toBe(true);
  });

  it('is the raw series without options', () => {
    expect(transformSeries(points, q({}))).toEqual(points);
  });
});
