'use client';

import { useDeferredValue, useEffect, useState } from 'react';
import { compareExportUrl } from '../lib/compare.api';
import { addableRunsQuery, compareQuery, createCompareModel, missingRunIds, validRunIds } from '../lib/compare-model';
import { useCompareAfterPaint } from './use-compare-after-paint';
import { useCompareLive } from './use-compare-live';
import { useCompareRoughness, useCompareRuns, useCompareSeries, usePrefetchRunParts } from './use-compare-queries';
import { useCompareState } from './use-compare-state';
import { useCompareWidth } from './use-compare-width';
import { useChartSize } from '../../../hooks/use-chart-size';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';

/** How long the smoothing must rest before the server is asked for its curve (the slider's old debounce). */
const SMOOTHING_REQUEST_DELAY_MS = 200;

/** True once mounted in the browser: the export links need the API's address, which the server render can't know. */
function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

/**
 * The /compare page's data: its URL state, the queries it needs, and the model derived from them
 * (see compare-model). The queries key on values, so the ids and request computed here before the
 * model (which needs their answers) may be fresh arrays each render.
 */
export function useCompareModel() {
  const [state, update] = useCompareState();
  const [modelOf] = useState(createCompareModel);
  const mounted = useMounted();
  // The chart grid's width sets the bucket count; the compare request waits for it.
  const [gridRef, gridWidth] = useCompareWidth<HTMLDivElement>();
  const [chartSize, setChartSize] = useChartSize();

  const validIds = validRunIds(state.runs);
  // A smoothing change is drawn at once from the answer held (compare-model's preview); the
  // request for the server's curve waits until the slider rests.
  const smoothing = useDebouncedValue(state.smoothing, SMOOTHING_REQUEST_DELAY_MS);
  const smoother = useDebouncedValue(state.smoother, SMOOTHING_REQUEST_DELAY_MS);
  // Called first, so its request leaves before the runs' rows (which wait for it, see below).
  const requested = { ...state, smoothing, smoother };
  const compare = useCompareSeries(compareQuery(requested, validIds, gridWidth, chartSize));
  // The rows (names, configs, metrics) wait until the charts of the first answer are on screen:
  // with 100 runs, their 100 small requests (and the re-render each answer causes) would otherwise
  // compete with the one request and the first paint that matter. Once on, they stay on.
  const rowsOn = useCompareAfterPaint(compare.isFetched);
  const details = useCompareRuns(rowsOn ? validIds : []);
  useCompareLive(validIds);
  const missing = missingRunIds(state.runs, details.notFound, compare.data);
  const roughness = useCompareRoughness(
    validIds.filter((id) => !missing.has(id)),
    rowsOn,
  );

  const model = modelOf({
    state,
    gridWidth,
    chartSize,
    answer: compare.data,
    runs: details.runs,
    notFound: details.notFound,
    roughness,
    exportUrl: mounted ? compareExportUrl : null,
  });
  // 100 run rows arrive as 100 answers; deferred, React folds a burst of them into few renders of
  // the legend and tables, and never lets them hold up the charts.
  const rows = useDeferredValue(model.rows);
  // The run picker's results, fetched while the user reads them: adding one then draws at once.
  // A new function each render, as the state it reads is: the picker calls the newest one.
  const prefetch = usePrefetchRunParts();
  const prefetchRuns = (addable: readonly string[]) => {
    const query = addableRunsQuery(requested, validIds, addable, gridWidth, chartSize);
    if (query) prefetch(query);
  };
  return { state, update, gridRef, gridWidth, chartSize, setChartSize, compare, details, model, rows, prefetchRuns };
}
