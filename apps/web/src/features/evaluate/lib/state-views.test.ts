import { describe, expect, it } from 'vitest';
import { heatmapWidth, rangeText, seriesTitle, viewsByLayer } from './state-views';

describe('recurrent state views', () => {
  it('groups views by layer in order', () => {
    const v = (layer: string, series: string) => ({ name: `${layer}-${series}`, layer, series, range: [0, 1] as [number, number] });
    const groups = viewsByLayer([v('lstm1', 'hidden'), v('lstm1', 'cell'), v('lstm2', 'hidden')]);
    expect(groups.map((g) => [g.layer, g.views.map((x) => x.series)])).toEqual([
      ['lstm1', ['hidden', 'cell']],
      ['lstm2', ['hidden']],
    ]);
  });

  it('names series and ranges for captions', () => {
    expect(seriesTitle('forget')).toBe('forget gate f');
    expect(seriesTitle('other')).toBe('other');
    expect(rangeText({ range: [-1, 1] })).toBe('−1 … 1');
    expect(rangeText({ range: [-2.3104, 2.3104] })).toBe('−2.31 … 2.31');
  });

  it('keeps heat-maps between 48 and 512 px wide', () => {
    expect([heatmapWidth(4), heatmapWidth(32), heatmapWidth(1024)]).toEqual([48, 192, 512]);
  });
});
