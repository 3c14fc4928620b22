'use client';

import type { THistogram } from '@tensorscope/shared';
import { DISTRIBUTION_BASIS_POINTS } from '@tensorscope/shared';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useUplot } from '../../../hooks/use-uplot';
import { axisSize, formatTick } from '../../../lib/chart-format';
import { AXIS_TEXT, GRID, legendValue, STEP_AXIS, stepChartBase, TICKS } from '../../../lib/chart-axes';
import { distributionBands, distributionData, MEDIAN_INDEX, percentileLabel } from '../lib/distribution-bands';
import { formatMetric } from '../../../lib/format';

const HEIGHT = 260;
const BAND_RGB = '37, 99, 235';

/**
 * TensorBoard-style distribution: nested percentile bands over steps (uPlot `bands`
 * between the percentile series, which are drawn invisibly), with the median as a line.
 */
export function DistributionChart({ histograms, loading = false }: { histograms: readonly THistogram[]; loading?: boolean }) {
  const data = useMemo(() => distributionData(histograms), [histograms]);
  const steps = data[0].length;

  const containerRef = useUplot(
    (width): uPlot.Options => ({
      ...stepChartBase(width, HEIGHT),
      axes: [
        STEP_AXIS,
        {
          size: (_plot, values) => axisSize(values),
          stroke: AXIS_TEXT,
          grid: GRID,
          ticks: TICKS,
          values: (_p, splits) => splits.map(formatTick),
        },
      ],
      series: [
        { label: 'step' },
        ...DISTRIBUTION_BASIS_POINTS.map<uPlot.Series>((bp, i) => ({
          label: percentileLabel(bp),
          stroke: i === MEDIAN_INDEX ? `rgb(${BAND_RGB})` : 'transparent',
          width: i === MEDIAN_INDEX ? 1.5 : 0,
          // Band edges never show points; the median keeps uPlot's default (visible when sparse).
          ...(i === MEDIAN_INDEX ? {} : { points: { show: false } }),
          value: legendValue(formatMetric),
        })),
      ],
      bands: distributionBands().map((band) => ({ series: band.series, fill: `rgba(${BAND_RGB}, ${band.opacity})` })),
    }),
    data as unknown as uPlot.AlignedData,
    'distribution',
    HEIGHT,
  );

  return (
    <div className="chart distribution" data-testid="distribution-chart" data-steps={steps}>
      <div ref={containerRef} className="chart-plot" />
      {steps === 0 && <div className="chart-empty muted">{loading ? 'Loading…' : 'No histograms yet'}</div>}
    </div>
  );
}
