'use client';

import type { TCompareQuery, TExportFormat } from '@tensorscope/shared';
import { stepsPerEpoch } from '@tensorscope/shared';
import Link from 'next/link';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useCompareAfterPaint } from '../hooks/use-compare-after-paint';
import { useCompareLive } from '../hooks/use-compare-live';
import { useCompareRoughness, useCompareRuns, useCompareSeries } from '../hooks/use-compare-queries';
import { useCompareState } from '../hooks/use-compare-state';
import { useCompareWidth } from '../hooks/use-compare-width';
import { compareExportUrl } from '../../../lib/api-client';
import { runColors } from '../lib/compare-colors';
import { createHoverStore } from '../lib/compare-hover-store';
import { bucketsForWidth, chartColumns } from '../lib/compare-layout';
import { buildCompareRows } from '../lib/compare-rows';
import { buildChartData, seriesByTag, type TRunPlacement } from '../lib/compare-series';
import { chartTags } from '../lib/compare-tags';
import { DEFAULT_COMPARE_TAGS, isRunId, type TXRange } from '../lib/compare-url';
import { roundZoom, runOrigins, stepWindow } from '../lib/compare-x-axis';
import { ApiErrorState } from '../../../components/api-error-state';
import { CompareCharts } from './compare-charts';
import { CompareHparamTable } from './compare-hparam-table';
import { CompareLegend } from './compare-legend';
import { CompareMissingRuns } from './compare-missing-runs';
import { CompareParallelCoords } from './compare-parallel-coords';
import { CompareRunPicker } from './compare-run-picker';
import { CompareRunRooms } from './compare-run-rooms';
import { CompareTagPicker } from './compare-tag-picker';
import { CompareToolbar } from './compare-toolbar';

const NO_ORIGINS = new Map<string, number>();

/** True once mounted in the browser: the export links need the API's address, which the server render can't know. */
function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

/**
 * /compare: many runs side by side. Everything the view shows is derived from the URL (runs,
 * tags, smoothing, axes, zoom), one compare answer for the charts, and the runs' cached rows.
 */
export function CompareView() {
  const [state, update] = useCompareState();
  const [hover] = useState(createHoverStore);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const mounted = useMounted();

  const runsKey = state.runs.join(',');
  // Keyed on the joined ids: a new state object with the same runs keeps every memo below.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const validIds = useMemo(() => state.runs.filter(isRunId), [runsKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const colors = useMemo(() => runColors(state.runs), [runsKey]);

  // The chart grid's width sets the bucket count; the compare request waits for it.
  const [gridRef, gridWidth] = useCompareWidth<HTMLDivElement>();
  const requestTags = state.tags ?? DEFAULT_COMPARE_TAGS;
  const stepRange = stepWindow(state.x, state.zoom);
  const query = useMemo<TCompareQuery | null>(
    () =>
      validIds.length === 0 || gridWidth === null
        ? null
        : {
            runs: validIds,
            tags: [...requestTags],
            smoothing: state.smoothing,
            smoother: state.smoother,
            buckets: bucketsForWidth(gridWidth, requestTags.length),
            ...(stepRange ?? {}),
          },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [validIds, requestTags.join(','), state.smoothing, state.smoother, gridWidth, stepRange?.fromStep, stepRange?.toStep],
  );
  // Called first, so its request leaves before the runs' rows (which wait for it, see below).
  const compare = useCompareSeries(query);
  // The rows (names, configs, metrics) wait until the charts of the first answer are on screen:
  // with 100 runs, their 100 small requests (and the re-render each answer causes) would otherwise
  // compete with the one request and the first paint that matter. Once on, they stay on.
  const rowsOn = useCompareAfterPaint(compare.isFetched);
  const details = useCompareRuns(rowsOn ? validIds : []);
  useCompareLive(validIds);

  const missing = useMemo(() => {
    const set = new Set(state.runs.filter((id) => !isRunId(id)));
    for (const id of details.notFound) set.add(id);
    for (const id of compare.data?.missingRuns ?? []) set.add(id);
    return set;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runsKey, details.notFound, compare.data?.missingRuns]);
  const presentIds = useMemo(() => validIds.filter((id) => !missing.has(id)), [validIds, missing]);
  const roughness = useCompareRoughness(presentIds, rowsOn);

  // What places a run on the x axis. Keyed on values, not on the run rows: the rows arrive one by
  // one (100 runs: 100 updates) and progress ticks replace them twice a second while runs train;
  // none of that may rebuild (and redraw) every chart. Only the epoch axis needs the configs.
  const perEpochKey =
    state.x === 'epoch'
      ? validIds
          .map((id) => {
            const run = details.runs.get(id);
            return run ? stepsPerEpoch(run.config) : 0;
          })
          .join(',')
      : '';
  const origins = useMemo(
    () => (state.x === 'relative' && compare.data ? runOrigins(compare.data.series) : NO_ORIGINS),
    [state.x, compare.data],
  );
  const placements = useMemo(() => {
    const perEpoch = perEpochKey ? perEpochKey.split(',').map(Number) : [];
    return new Map<string, TRunPlacement>(
      validIds.map((id, i) => [id, { color: colors.get(id)!, stepsPerEpoch: perEpoch[i] || undefined, originMs: origins.get(id) }]),
    );
  }, [validIds, colors, perEpochKey, origins]);

  const byTag = useMemo(() => seriesByTag(compare.data?.series ?? []), [compare.data]);
  const tagsWithData = useMemo(
    () => (compare.data ? new Set([...byTag].filter(([, list]) => list.some((s) => s.steps.length > 0)).map(([tag]) => tag)) : null),
    [compare.data, byTag],
  );
  const shownTags = chartTags(state.tags, tagsWithData);
  const shownKey = shownTags.join(',');
  const log = state.y === 'log';
  const charts = useMemo(
    () => shownTags.map((tag) => buildChartData(tag, byTag.get(tag) ?? [], { x: state.x, log, runs: placements })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownKey, byTag, state.x, log, placements],
  );
  const chartsByTag = useMemo(() => new Map(charts.map((chart) => [chart.tag, chart])), [charts]);

  const liveRows = useMemo(
    () => buildCompareRows(state.runs, colors, details.runs, missing, roughness),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runsKey, colors, details.runs, missing, roughness],
  );
  // 100 run rows arrive as 100 answers; deferred, React folds a burst of them into few renders of
  // the legend and tables, and never lets them hold up the charts.
  const rows = useDeferredValue(liveRows);

  const onZoom = useCallback((zoom: TXRange) => update({ zoom: roundZoom(state.x, zoom) }), [update, state.x]);
  const onResetZoom = useCallback(() => update({ zoom: null }), [update]);
  const onRemove = useCallback(
    (ids: string[]) => update({ runs: state.runs.filter((id) => !ids.includes(id)) }, 'push'),
    [update, state.runs],
  );
  const onRemoveOne = useCallback((id: string) => onRemove([id]), [onRemove]);
  const onAdd = useCallback(
    (ids: string[]) => update({ runs: [...state.runs, ...ids.filter((id) => !state.runs.includes(id))] }, 'push'),
    [update, state.runs],
  );

  const exportLinks = useMemo(() => {
    if (!mounted || presentIds.length === 0) return null;
    const link = (format: TExportFormat) =>
      compareExportUrl({ runs: presentIds, tags: shownTags, format, smoothing: state.smoothing, smoother: state.smoother });
    return { csv: link('csv'), json: link('json') };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mounted, presentIds, shownKey, state.smoothing, state.smoother]);

  if (state.runs.length === 0) {
    return (
      <>
        <div className="page-head">
          <h1>Compare runs</h1>
        </div>
        <div className="state-box" data-testid="compare-empty">
          <h2>No runs selected</h2>
          <p>
            Tick runs on the <Link href="/">Runs page</Link> and press <strong>Compare</strong>, compare the runs of a sweep
            from its page, or add runs by name here:
          </p>
          <CompareRunPicker selected={state.runs} onAdd={onAdd} />
        </div>
      </>
    );
  }

  return (
    <>
      <CompareRunRooms runIds={presentIds} />
      <div className="page-head">
        <h1>
          Compare runs <span className="muted compare-count">({state.runs.length})</span>
        </h1>
        <div className="compare-head-actions">
          <CompareTagPicker runIds={presentIds} tags={shownTags} onChange={(tags) => update({ tags }, 'push')} />
          <CompareRunPicker selected={state.runs} onAdd={onAdd} />
        </div>
      </div>
      <CompareMissingRuns ids={[...missing]} onRemove={onRemove} />
      <CompareToolbar state={state} update={update} exportLinks={exportLinks} />
      {compare.isError && (
        <ApiErrorState error={compare.error} onRetry={() => void compare.refetch()} what="comparison" />
      )}
      {details.error !== null && <ApiErrorState error={details.error} onRetry={details.refetch} what="runs" />}
      <div className="compare-layout">
        <CompareCharts
          gridRef={gridRef}
          columns={gridWidth ? chartColumns(gridWidth, requestTags.length) : 1}
          charts={charts}
          loading={query === null || compare.isPending}
          refreshing={compare.isFetching && compare.isPlaceholderData}
          xAxis={state.x}
          log={log}
          ignoreOutliers={state.ignoreOutliers}
          zoom={state.zoom}
          onZoom={onZoom}
          onResetZoom={onResetZoom}
          hover={hover}
          highlighted={highlighted}
        />
        <CompareLegend
          rows={rows}
          charts={chartsByTag}
          hover={hover}
          xAxis={state.x}
          highlighted={highlighted}
          onHighlight={setHighlighted}
          onRemove={onRemoveOne}
        />
      </div>
      <CompareHparamTable rows={rows} highlighted={highlighted} onHighlight={setHighlighted} />
      <CompareParallelCoords rows={rows} highlighted={highlighted} onHighlight={setHighlighted} />
    </>
  );
}
