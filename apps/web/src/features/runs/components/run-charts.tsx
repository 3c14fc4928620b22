'use client';

import type { TScalarPoint } from '@tensorscope/shared';
import { stepsPerEpoch, SYSTEM_TAGS } from '@tensorscope/shared';
import { useMemo, useState } from 'react';
import type { TRun } from '@tensorscope/shared';
import { useScalarSeries } from '../hooks/use-run-queries';
import { ApiErrorState } from '../../../components/api-error-state';
import { MetricChart, type ChartSeries } from '../../../components/metric-chart';
import { SmoothingSlider } from '../../../components/smoothing-slider';
import { Picker } from '../../../components/picker';
import { useChartSize } from '../../../hooks/use-chart-size';
import { CHART_HEIGHTS, CHART_SIZES } from '../../../lib/chart-size';
import { DEFAULT_RUN_CHART_SETTINGS, firstWallTime, type TRunChartSettings } from '../lib/run-chart-data';
import { XAxisPicker } from '../../../components/x-axis-picker';

const TRAIN_COLOR = '#2563eb';
const TEST_COLOR = '#ea580c';
const SYSTEM_COLOR = '#7c3aed';
const EMPTY: readonly TScalarPoint[] = [];

export function RunCharts({ run }: { run: TRun }) {
  const runId = run.id;
  const trainLoss = useScalarSeries(runId, 'train/loss');
  const testLoss = useScalarSeries(runId, 'test/loss');
  const trainAccuracy = useScalarSeries(runId, 'train/accuracy');
  const testAccuracy = useScalarSeries(runId, 'test/accuracy');
  // The worker's own numbers, logged as ordinary scalars every few seconds (older runs have none).
  const cpu = useScalarSeries(runId, SYSTEM_TAGS.cpu);
  const rss = useScalarSeries(runId, SYSTEM_TAGS.rss);
  const throughput = useScalarSeries(runId, SYSTEM_TAGS.throughput);
  const [settings, setSettings] = useState<TRunChartSettings>(DEFAULT_RUN_CHART_SETTINGS);
  const update = (patch: Partial<TRunChartSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const [size, setSize] = useChartSize();

  const trainLossPoints = trainLoss.data?.points ?? EMPTY;
  const testLossPoints = testLoss.data?.points ?? EMPTY;
  const trainAccPoints = trainAccuracy.data?.points ?? EMPTY;
  const testAccPoints = testAccuracy.data?.points ?? EMPTY;

  // New arrays only when a series really changed, so the charts redraw only then.
  const lossSeries = useMemo<ChartSeries[]>(
    () => [
      { label: 'train/loss', color: TRAIN_COLOR, points: trainLossPoints },
      { label: 'test/loss', color: TEST_COLOR, points: testLossPoints },
    ],
    [trainLossPoints, testLossPoints],
  );
  const accuracySeries = useMemo<ChartSeries[]>(
    () => [
      { label: 'train/accuracy', color: TRAIN_COLOR, points: trainAccPoints },
      { label: 'test/accuracy', color: TEST_COLOR, points: testAccPoints },
    ],
    [trainAccPoints, testAccPoints],
  );
  // Both charts count relative time from the run's first logged point.
  const perEpoch = stepsPerEpoch(run.config);
  const origin = firstWallTime([trainLossPoints, testLossPoints, trainAccPoints, testAccPoints]);
  const context = useMemo(() => ({ stepsPerEpoch: perEpoch, originMs: origin }), [perEpoch, origin]);

  const cpuPoints = cpu.data?.points ?? EMPTY;
  const rssPoints = rss.data?.points ?? EMPTY;
  const throughputPoints = throughput.data?.points ?? EMPTY;
  const systemCharts = useMemo(
    () =>
      [
        { title: 'Worker CPU %', testId: 'chart-system-cpu', label: SYSTEM_TAGS.cpu, points: cpuPoints },
        { title: 'Worker memory (RSS, MB)', testId: 'chart-system-rss', label: SYSTEM_TAGS.rss, points: rssPoints },
        { title: 'Images / s', testId: 'chart-system-throughput', label: SYSTEM_TAGS.throughput, points: throughputPoints },
      ]
        .filter((c) => c.points.length > 0)
        .map(({ label, points, ...chart }) => ({ ...chart, series: [{ label, color: SYSTEM_COLOR, points }] })),
    [cpuPoints, rssPoints, throughputPoints],
  );
  const charts = [
    { title: 'Loss', testId: 'chart-loss', series: lossSeries },
    { title: 'Accuracy', testId: 'chart-accuracy', series: accuracySeries },
    ...systemCharts,
  ];
  const failed = [trainLoss, testLoss, trainAccuracy, testAccuracy].find((q) => q.isError && !q.data);
  return (
    <>
      {failed && <ApiErrorState error={failed.error} onRetry={() => void failed.refetch()} what="metrics" />}
      <div className="card compare-toolbar" role="toolbar" aria-label="Chart settings" data-testid="run-chart-toolbar">
        <SmoothingSlider value={settings.smoothing} onChange={(smoothing) => update({ smoothing })} testId="run-smoothing" />
        <XAxisPicker testId="run-x-axis" value={settings.x} onChange={(x) => update({ x })} />
        <label className="compare-control" title="Logarithmic y axis (values ≤ 0 are left out)">
          <input type="checkbox" checked={settings.logY} onChange={(e) => update({ logY: e.target.checked })} data-testid="run-log-y" />
          <span>Log y</span>
        </label>
        <Picker label="Size" className="compare-control" testId="run-chart-size" options={CHART_SIZES} value={size} onChange={setSize} />
      </div>
      {/* Large charts get a row each. */}
      <div className={size === 'L' ? 'one-col' : 'two-col'}>
        {charts.map((chart) => (
          <MetricChart key={chart.testId} {...chart} settings={settings} context={context} height={CHART_HEIGHTS[size]} />
        ))}
      </div>
    </>
  );
}
