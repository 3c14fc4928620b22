import type { TSmoother } from '@tensorscope/shared';
import { MAX_COMPARE_RUNS, MAX_COMPARE_TAGS, SMOOTHERS, TAG_PATTERN } from '@tensorscope/shared';

/*
 * The comparison view keeps its whole state in the URL (/compare?runs=…&tags=…) so a view can be
 * bookmarked and shared. Parsing never throws: a hand-edited or stale link degrades to defaults.
 */

export const X_AXES = ['step', 'epoch', 'relative', 'wall'] as const;
export type TXAxis = (typeof X_AXES)[number];
export const Y_SCALES = ['linear', 'log'] as const;
export type TYScale = (typeof Y_SCALES)[number];

export interface TXRange {
  min: number;
  max: number;
}

export interface TCompareState {
  /** Run ids in the order they were picked (the order fixes each run's colour). */
  runs: string[];
  /** Tags picked by hand; null = the default core tags that the runs have. */
  tags: string[] | null;
  smoothing: number;
  smoother: TSmoother;
  x: TXAxis;
  y: TYScale;
  ignoreOutliers: boolean;
  /** Zoomed x range, in the units of `x`; null = everything. */
  zoom: TXRange | null;
}

export const DEFAULT_SMOOTHING = 0.6;
export const MAX_SMOOTHING = 0.999;
/** Accuracy first: what people compare first. Only those the runs have are shown by default. */
export const DEFAULT_COMPARE_TAGS = ['train/accuracy', 'test/accuracy', 'train/loss', 'test/loss'] as const;

export const DEFAULT_COMPARE_STATE: TCompareState = {
  runs: [],
  tags: null,
  smoothing: DEFAULT_SMOOTHING,
  smoother: 'ema',
  x: 'step',
  y: 'linear',
  ignoreOutliers: true,
  zoom: null,
};

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : fallback;

/** Comma-separated, trimmed, de-duplicated (first occurrence wins), empty items dropped. */
export function splitList(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** A slider position: clamped to [0, 0.999], three decimals (the slider's resolution). */
export function clampSmoothing(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SMOOTHING;
  return Math.round(Math.min(MAX_SMOOTHING, Math.max(0, value)) * 1000) / 1000;
}

function parseZoom(value: string | null): TXRange | null {
  const parts = splitList(value).map(Number);
  if (parts.length !== 2) return null;
  const [min, max] = parts as [number, number];
  return Number.isFinite(min) && Number.isFinite(max) && min < max ? { min, max } : null;
}

export function parseCompareState(search: URLSearchParams): TCompareState {
  const smoothingParam = search.get('smoothing');
  const tags = splitList(search.get('tags'))
    .filter((tag) => TAG_PATTERN.test(tag))
    .slice(0, MAX_COMPARE_TAGS);
  return {
    runs: splitList(search.get('runs')).slice(0, MAX_COMPARE_RUNS),
    tags: tags.length > 0 ? tags : null,
    smoothing: smoothingParam === null || smoothingParam === '' ? DEFAULT_SMOOTHING : clampSmoothing(Number(smoothingParam)),
    smoother: oneOf(SMOOTHERS, search.get('smoother'), 'ema'),
    x: oneOf(X_AXES, search.get('x'), 'step'),
    y: oneOf(Y_SCALES, search.get('y'), 'linear'),
    ignoreOutliers: search.get('outliers') !== 'show',
    zoom: parseZoom(search.get('zoom')),
  };
}

/**
 * Run ids and tags are URL-safe (UUIDs; tags are letters, digits, `_ . - /`), so they are written
 * as is: `tags=train/loss,test/loss` reads better in a shared link than `train%2Floss%2C…`.
 * Anything else (a mangled id) is percent-encoded.
 */
const listParam = (items: readonly string[]) =>
  items.map((item) => (/^[A-Za-z0-9_.\-/]+$/.test(item) ? item : encodeURIComponent(item))).join(',');

/** The query string (no leading `?`); defaults are left out so links stay short. */
export function serializeCompareState(state: TCompareState): string {
  const parts: string[] = [];
  if (state.runs.length > 0) parts.push(`runs=${listParam(state.runs)}`);
  if (state.tags && state.tags.length > 0) parts.push(`tags=${listParam(state.tags)}`);
  if (state.smoothing !== DEFAULT_SMOOTHING) parts.push(`smoothing=${clampSmoothing(state.smoothing)}`);
  if (state.smoother !== 'ema') parts.push(`smoother=${state.smoother}`);
  if (state.x !== 'step') parts.push(`x=${state.x}`);
  if (state.y !== 'linear') parts.push(`y=${state.y}`);
  if (!state.ignoreOutliers) parts.push('outliers=show');
  if (state.zoom) parts.push(`zoom=${state.zoom.min},${state.zoom.max}`);
  return parts.join('&');
}

/** Link to the comparison of these runs, e.g. from the run list or a sweep page. */
export function compareHref(runIds: readonly string[]): string {
  const search = serializeCompareState({ ...DEFAULT_COMPARE_STATE, runs: [...new Set(runIds)] });
  return search ? `/compare?${search}` : '/compare';
}

/**
 * A state change. Changing the x axis drops the zoom: the range was in the old axis' units.
 */
export function patchCompareState(state: TCompareState, patch: Partial<TCompareState>): TCompareState {
  const next = { ...state, ...patch };
  if (patch.x !== undefined && patch.x !== state.x && patch.zoom === undefined) next.zoom = null;
  return next;
}

const RUN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A well-formed run id. The compare endpoint refuses a request with any other, so those are left out of it. */
export const isRunId = (id: string) => RUN_ID_PATTERN.test(id);
