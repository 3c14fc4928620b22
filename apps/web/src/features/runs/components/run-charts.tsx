'use client';

import type { TScalarPoint } from '@tensorscope/shared';
import { useMemo } from 'react';
import { useScalarSeries } from '../hooks/use-run-queries';
import { ApiErrorState } from '../../../components/api-error-state';
import { MetricChart, type ChartSeries } from '../../../components/metric-chart';

const TRAIN_COLOR = '#2563eb';
const TEST_COLOR = '#ea580c';
const EMPTY: readonly TScalarPoint[] = [];

export function RunCharts({ runId }: { runId: string }) {
  const trainLoss = useScalarSeries(runId, 'train/loss');
  const testLoss = useScalarSeries(runId, 'test/loss');
  const trainAccuracy = useScalarSeries(runId, 'train/accuracy');
  const testAccuracy = useScalarSeries(runId, 'test/accuracy');

  const trainLossPoints = trainLoss.data?.points ?? EMPTY;
  const testLossPoints = testLoss.data?.points ?? EMPTY;
  const trainAccPoints = trainAccuracy.data?.points ?? EMPTY;
  const testAccPoints = testAccuracy.data?.points ?? EMPTY;

  // New arrays only when a series really changed, so the charts redraw only then.
  const lossSeries = useMemo<ChartSeries[]>(
    () => [
      { label: 'train/loss', color: TRAIN_COLOR, points: trainLossPoints },
      { label: 'test/loss', color: TEST_COLOR, points: testLossPoints, markers: true },
    ],
    [trainLossPoints, testLossPoints],
  );
  const accuracySeries = useMemo<ChartSeries[]>(
    () => [
      { label: 'train/accuracy', color: TRAIN_COLOR, points: trainAccPoints },
      { label: 'test/accuracy', color: TEST_COLOR, points: testAccPoints, markers: true },
    ],
    [trainAccPoints, testAccPoints],
  );

  const failed = [trainLoss, testLoss, trainAccuracy, testAccuracy].find((q) => q.isError && !q.data);
  return (
    <>
      {failed && <ApiErrorState error={failed.error} onRetry={() => void failed.refetch()} what="metrics" />}
      <div className="two-col">
        <MetricChart title="Loss" testId="chart-loss" series={lossSeries} />
        <MetricChart title="Accuracy" testId="chart-accuracy" series={accuracySeries} />
      </div>
    </>
  );
}
