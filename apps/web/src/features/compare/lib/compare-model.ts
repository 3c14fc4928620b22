import type { TCompareQuery, TCompareResult, TCsvHeader, TExportFormat, TRun, TSmoother } from '@tensorscope/shared';
import { stepsPerEpoch } from '@tensorscope/shared';
import { runColors } from './compare-colors';
import { bucketsForWidth } from './compare-layout';
import type { TChartSize } from '../../../lib/chart-size';
import type { TRoughness } from './compare-overfit';
import { buildCompareRows, type TCompareRow } from './compare-rows';
import { buildChartData, seriesByTag, type TChartData, type TRunPlacement } from './compare-series';
import { chartTags } from './compare-tags';
import { DEFAULT_COMPARE_TAGS, isRunId, type TCompareState } from './compare-url';
import { runOrigins, stepWindow } from './compare-x-axis';
import { sameSmoothing, type TSmoothing } from './compare-smooth-preview';

/*
 * Everything /compare shows, derived from the URL state, the one compare answer and the runs'
 * cached rows. Pure; identity matters though: the charts, legend and tables are memoised
 * components, and with 100 runs the rows arrive as 100 answers and progress ticks replace them
 * twice a second while runs train. So each part remembers what it was built from, and
 * compareModel(input, previous) hands back the previous part itself while those inputs are the
 * same (compared with Object.is, like React's memo deps): a row update never rebuilds a chart.
 */

export type TExportUrl = (query: {
  runs: readonly string[];
  tags: readonly string[];
  format: TExportFormat;
  /** CSV column names: TensorBoard's ("Wall time,Step,Value") or snake_case. */
  header?: TCsvHeader;
  smoothing: number;
  smoother: TSmoother;
}) => string;

export interface TCompareInput {
  state: TCompareState;
  /** Width of the chart grid in CSS pixels; null until measured (the request waits for it). */
  gridWidth: number | null;
  /** S/M/L: how many charts share a row, so how many buckets each plot asks for. */
  chartSize?: TChartSize;
  /**
   * The compare answer, undefined until the first one arrives; with the smoothing it was asked
   * with, when known: a state asking for other smoothing is drawn from it smoothed in the browser
   * until its own answer comes (compare-smooth-preview).
   */
  answer: (TCompareResult & { smoothedWith?: TSmoothing }) | undefined;
  /** The selected runs' rows loaded so far, and the ids the API says don't exist. */
  runs: ReadonlyMap<string, TRun>;
  notFound: ReadonlySet<string>;
  roughness: ReadonlyMap<string, TRoughness>;
  /** Builds a download link; null where links can't be built yet (the server render doesn't know the API's address). */
  exportUrl: TExportUrl | null;
}

export interface TCompareModel {
  /** Selected ids that are well-formed, in selection order. */
  validIds: readonly string[];
  /** The request behind the charts; null until there is a run and a measured grid. */
  query: TCompareQuery | null;
  /** Selected ids that are malformed or that the API doesn't know. */
  missing: ReadonlySet<string>;
  presentIds: readonly string[];
  /** Tags charted: the picked ones, or the default tags the runs have. */
  shownTags: readonly string[];
  charts: readonly TChartData[];
  chartsByTag: ReadonlyMap<string, TChartData>;
  rows: readonly TCompareRow[];
  exportLinks: { csv: string; tensorboardCsv: string; json: string } | null;
  /** What each part was built from, for the next call. */
  readonly parts: TParts;
}

interface TPart<T> {
  readonly deps: readonly unknown[];
  readonly value: T;
}

type TParts = {
  [K in Exclude<keyof TCompareModel, 'parts'>]: TPart<TCompareModel[K]>;
} & {
  colors: TPart<ReadonlyMap<string, string>>;
  placements: TPart<ReadonlyMap<string, TRunPlacement>>;
  byTag: TPart<ReadonlyMap<string, TCompareResult['series']>>;
};

const NO_ORIGINS: ReadonlyMap<string, number> = new Map();

/** The previous part when its inputs are the same values, else a fresh one. */
function part<T>(previous: TPart<T> | undefined, deps: readonly unknown[], build: () => T): TPart<T> {
  const same = previous !== undefined && previous.deps.length === deps.length && previous.deps.every((dep, i) => Object.is(dep, deps[i]));
  return same ? previous : { deps, value: build() };
}

/** The well-formed ids of a selection (a hand-edited link may hold anything). */
export const validRunIds = (runIds: readonly string[]): string[] => runIds.filter(isRunId);

/** Malformed ids, ids the runs' rows say don't exist, and ids the compare answer says don't exist. */
export function missingRunIds(runIds: readonly string[], notFound: ReadonlySet<string>, answer: TCompareResult | undefined): Set<string> {
  const missing = new Set(runIds.filter((id) => !isRunId(id)));
  for (const id of notFound) missing.add(id);
  for (const id of answer?.missingRuns ?? []) missing.add(id);
  return missing;
}

/** The compare request for the selection, the picked tags and the grid's width (one bucket per pixel pair, see compare-layout). */
export function compareQuery(
  state: TCompareState,
  validIds: readonly string[],
  gridWidth: number | null,
  chartSize: TChartSize = 'M',
): TCompareQuery | null {
  if (validIds.length === 0 || gridWidth === null) return null;
  const tags = state.tags ?? DEFAULT_COMPARE_TAGS;
  return {
    runs: [...validIds],
    tags: [...tags],
    smoothing: state.smoothing,
    smoother: state.smoother,
    buckets: bucketsForWidth(gridWidth, tags.length, chartSize, validIds.length),
    ...(stepWindow(state.x, state.zoom) ?? {}),
  };
}

/**
 * The request that fetches, ahead of a click, the series of runs the user may add (the run
 * picker's results): the query the selection plus one of them would make (its bucket count
 * depends on how many runs there are), asking for those runs only. Their answers are cached as
 * per-run parts (compare-run-parts), which the query after the click then finds.
 */
export function addableRunsQuery(
  state: TCompareState,
  validIds: readonly string[],
  addable: readonly string[],
  gridWidth: number | null,
  chartSize: TChartSize = 'M',
): TCompareQuery | null {
  const candidates = addable.filter((id) => isRunId(id) && !validIds.includes(id));
  if (candidates.length === 0) return null;
  const query = compareQuery(state, [...validIds, candidates[0]!], gridWidth, chartSize);
  return query && { ...query, runs: candidates };
}

export function compareModel(input: TCompareInput, previous: TCompareModel | null = null): TCompareModel {
  const { state, gridWidth, answer, runs, notFound, roughness, exportUrl, chartSize = 'M' } = input;
  const last: Partial<TParts> = previous?.parts ?? {};
  const runsKey = state.runs.join(',');

  const validIds = part(last.validIds, [runsKey], () => validRunIds(state.runs));
  const colors = part(last.colors, [runsKey], () => runColors(state.runs));
  const query = compareQuery(state, validIds.value, gridWidth, chartSize);
  // Keyed on the request's content: a new state object asking the same thing keeps the query.
  const queryPart = part(last.query, [query && JSON.stringify(query)], () => query);
  const missing = part(last.missing, [runsKey, notFound, answer?.missingRuns], () => missingRunIds(state.runs, notFound, answer));
  const presentIds = part(last.presentIds, [validIds.value, missing.value], () => validIds.value.filter((id) => !missing.value.has(id)));

  // What places a run on the x axis, keyed on values rather than on the run rows (which are
  // replaced on every progress tick): only the epoch axis needs the configs, the relative axis
  // the answer's first wall times.
  const perEpochKey =
    state.x === 'epoch'
      ? validIds.value
          .map((id) => {
            const run = runs.get(id);
            return run ? stepsPerEpoch(run.config) : 0;
          })
          .join(',')
      : '';
  const relativeTo = state.x === 'relative' ? answer : undefined;
  const placements = part(last.placements, [validIds.value, colors.value, perEpochKey, relativeTo], () => {
    const perEpoch = perEpochKey ? perEpochKey.split(',').map(Number) : [];
    const origins = relativeTo ? runOrigins(relativeTo.series) : NO_ORIGINS;
    return new Map<string, TRunPlacement>(
      validIds.value.map((id, i) => [
        id,
        { color: colors.value.get(id)!, stepsPerEpoch: perEpoch[i] || undefined, originMs: origins.get(id) },
      ]),
    );
  });

  const byTag = part(last.byTag, [answer], () => seriesByTag(answer?.series ?? []));
  const tagsWithData = answer
    ? new Set([...byTag.value].filter(([, list]) => list.some((s) => s.steps.length > 0)).map(([tag]) => tag))
    : null;
  const tags = chartTags(state.tags, tagsWithData);
  const shownKey = tags.join(',');
  const shownTags = part(last.shownTags, [shownKey], () => tags);
  const log = state.y === 'log';
  const wanted: TSmoothing = { smoothing: state.smoothing, smoother: state.smoother };
  const held = answer?.smoothedWith;
  const preview = held && !sameSmoothing(held, wanted) ? { wanted, held } : null;
  const previewKey = preview ? `${wanted.smoothing}:${wanted.smoother}` : '';
  // The charts depend on the placements of the runs in the answer only, by value: a run just
  // added (its series still loading, the old answer shown meanwhile) changes the placements but
  // not what is drawn, and rebuilding for it drew all 100 runs once more before its data came.
  const placedKey = placementKey(answer, placements.value);
  const charts = part(last.charts, [shownKey, byTag.value, state.x, log, placedKey, previewKey], () =>
    shownTags.value.map((tag) => buildChartData(tag, byTag.value.get(tag) ?? [], { x: state.x, log, runs: placements.value, preview })),
  );
  const chartsByTag = part(last.chartsByTag, [charts.value], () => new Map(charts.value.map((chart) => [chart.tag, chart])));
  const rows = part(last.rows, [runsKey, colors.value, runs, missing.value, roughness], () =>
    buildCompareRows(state.runs, colors.value, runs, missing.value, roughness),
  );

  const exportLinks = part(last.exportLinks, [exportUrl, presentIds.value, shownKey, state.smoothing, state.smoother], () => {
    if (!exportUrl || presentIds.value.length === 0) return null;
    const link = (format: TExportFormat, header?: TCsvHeader) =>
      exportUrl({
        runs: presentIds.value,
        tags: shownTags.value,
        format,
        ...(header ? { header } : {}),
        smoothing: state.smoothing,
        smoother: state.smoother,
      });
    return { csv: link('csv'), tensorboardCsv: link('csv', 'tensorboard'), json: link('json') };
  });

  const parts: TParts = {
    validIds,
    colors,
    query: queryPart,
    missing,
    presentIds,
    placements,
    byTag,
    shownTags,
    charts,
    chartsByTag,
    rows,
    exportLinks,
  };
  return {
    validIds: validIds.value,
    query: queryPart.value,
    missing: missing.value,
    presentIds: presentIds.value,
    shownTags: shownTags.value,
    charts: charts.value,
    chartsByTag: chartsByTag.value,
    rows: rows.value,
    exportLinks: exportLinks.value,
    parts,
  };
}

/** What places the answer's runs on the x axis, as one comparable string. */
function placementKey(answer: TCompareResult | undefined, placements: ReadonlyMap<string, TRunPlacement>): string {
  const ids = new Set((answer?.series ?? []).map((s) => s.runId));
  return [...ids]
    .map((id) => {
      const p = placements.get(id);
      return p ? `${id}:${p.color}:${p.stepsPerEpoch ?? ''}:${p.originMs ?? ''}` : id;
    })
    .join(',');
}

/** A compareModel that remembers its last answer (one per mounted view), for use during render. */
export function createCompareModel(): (input: TCompareInput) => TCompareModel {
  let last: TCompareModel | null = null;
  return (input) => (last = compareModel(input, last));
}
