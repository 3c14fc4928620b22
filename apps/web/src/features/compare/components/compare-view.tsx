'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import { useCompareModel } from '../hooks/use-compare-model';
import { createHoverStore } from '../lib/compare-hover-store';
import { chartColumns } from '../lib/compare-layout';
import { CHART_HEIGHTS } from '../../../lib/chart-size';
import { DEFAULT_COMPARE_TAGS, type TXRange } from '../lib/compare-url';
import { roundZoom } from '../lib/compare-x-axis';
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

/**
 * /compare: many runs side by side. Everything the view shows is derived from the URL (runs,
 * tags, smoothing, axes, zoom), one compare answer for the charts, and the runs' cached rows
 * (see useCompareModel and compare-model).
 */
export function CompareView() {
  const { state, update, gridRef, gridWidth, chartSize, setChartSize, compare, details, model, rows, prefetchRuns } = useCompareModel();
  const { query, missing, presentIds, shownTags, charts, chartsByTag, exportLinks } = model;
  const [hover] = useState(createHoverStore);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const requestTags = state.tags ?? DEFAULT_COMPARE_TAGS;
  const log = state.y === 'log';

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

  if (state.runs.length === 0) {
    return (
      <>
        <div className="page-head">
          <h1>Compare runs</h1>
        </div>
        <div className="state-box" data-testid="compare-empty">
          <h2>No runs selected</h2>
          <p>
            Tick runs on the <Link href="/">Runs page</Link> and press <strong>Compare</strong>, compare the runs of a sweep from its page,
            or add runs by name here:
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
          <CompareRunPicker selected={state.runs} onAdd={onAdd} onResults={prefetchRuns} />
        </div>
      </div>
      <CompareMissingRuns ids={[...missing]} onRemove={onRemove} />
      <CompareToolbar state={state} update={update} exportLinks={exportLinks} chartSize={chartSize} onChartSize={setChartSize} />
      {compare.isError && <ApiErrorState error={compare.error} onRetry={() => void compare.refetch()} what="comparison" />}
      {details.error !== null && <ApiErrorState error={details.error} onRetry={details.refetch} what="runs" />}
      <div className="compare-layout">
        <CompareCharts
          gridRef={gridRef}
          columns={gridWidth ? chartColumns(gridWidth, requestTags.length, chartSize) : 1}
          height={CHART_HEIGHTS[chartSize]}
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
