import type {
  TFieldErrors,
  TFilterGridQuery,
  THistogramSeries,
  TRun,
  TRunConfigInput,
  TRunEvents,
  TRunList,
  TRunListQuery,
  TRunTags,
  TRunUpdate,
  TScalarSeries,
  TScalarTag,
  TSnapshotList,
} from '@tensorscope/shared';
import { ZApiError, ZFieldErrors, ZRunEvents } from '@tensorscope/shared';
import { apiBaseUrl } from './api-base-url';
import { csrfHeaders } from './csrf-cookie';

/** An error answer from the API, carrying the contract's `{code, message, details}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field messages of a VALIDATION_FAILED answer, or [] when there are none. */
  get fieldErrors(): TFieldErrors {
    const parsed = ZFieldErrors.safeParse(this.details);
    return parsed.success ? parsed.data : [];
  }
}

/** The request never got an HTTP answer: API down, wrong host, CORS refused. */
export class ApiUnreachableError extends Error {
  constructor(readonly baseUrl: string, cause: unknown) {
    super(`Cannot reach the API at ${baseUrl}`, { cause });
    this.name = 'ApiUnreachableError';
  }
}

/** The API doesn't know who is calling (no session, or it expired): time to sign in. */
export const isUnauthenticated = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED';

/** 404, or the 400 the API answers for an id that isn't even a UUID: either way, no such run. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError &&
  (error.status === 404 || (error.status === 400 && error.fieldErrors.some((issue) => issue.path === 'id')));

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const base = apiBaseUrl();
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      ...init,
      // The API is on another port, so another origin: its session cookie goes only when asked for.
      credentials: 'include',
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        // Cookie-authenticated writes must echo the CSRF cookie, or the API answers 403 CSRF_FAILED.
        ...csrfHeaders(init.method, typeof document === 'undefined' ? '' : document.cookie),
        ...init.headers,
      },
    });
  } catch (error) {
    // An abort is TanStack Query cancelling a stale request, not an outage.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiUnreachableError(base, error);
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const parsed = ZApiError.safeParse(body);
    if (parsed.success) throw new ApiError(response.status, parsed.data.code, parsed.data.message, parsed.data.details);
    throw new ApiError(response.status, 'HTTP_ERROR', `${response.status} ${response.statusText}`.trim());
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Drops empty filters so the URL (and the cache key built from the same object) stays minimal. */
export function runListSearch(query: Partial<TRunListQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const api = {
  listRuns: (query: Partial<TRunListQuery>, signal?: AbortSignal) =>
    request<TRunList>(`/api/runs${runListSearch(query)}`, { signal }),

  getRun: (id: string, signal?: AbortSignal) => request<TRun>(`/api/runs/${encodeURIComponent(id)}`, { signal }),

  getScalars: (id: string, tag: TScalarTag, afterStep: number | undefined, signal?: AbortSignal) => {
    const params = new URLSearchParams({ tag });
    if (afterStep !== undefined) params.set('afterStep', String(afterStep));
    return request<TScalarSeries>(`/api/runs/${encodeURIComponent(id)}/scalars?${params}`, { signal });
  },

  /** Which scalar and histogram tags the run has logged so far. */
  getTags: (id: string, signal?: AbortSignal) => request<TRunTags>(`/api/runs/${encodeURIComponent(id)}/tags`, { signal }),

  getHistograms: (id: string, tag: string, afterStep: number | undefined, signal?: AbortSignal) => {
    const params = new URLSearchParams({ tag });
    if (afterStep !== undefined) params.set('afterStep', String(afterStep));
    return request<THistogramSeries>(`/api/runs/${encodeURIComponent(id)}/histograms?${params}`, { signal });
  },

  getSnapshots: (id: string, signal?: AbortSignal) =>
    request<TSnapshotList>(`/api/runs/${encodeURIComponent(id)}/snapshots`, { signal }),

  createRun: (config: TRunConfigInput) =>
    request<TRun>('/api/runs', { method: 'POST', body: JSON.stringify(config) }),

  cancelRun: (id: string) => request<TRun>(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),

  /** Archive or restore (owner or admin); answers the updated run, `archivedAt` set or null. */
  updateRun: (id: string, body: TRunUpdate) =>
    request<TRun>(`/api/runs/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(body) }),

  /** 204; 409 while the run is queued or running. */
  deleteRun: (id: string) => request<void>(`/api/runs/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  /**
   * What the run published after `afterSeq`, for a socket that missed some. Parsed, because its
   * events are applied to the cache as they come: a malformed answer fails the catch-up, which
   * then refetches the run instead.
   */
  getRunEvents: async (id: string, afterSeq: number, signal?: AbortSignal): Promise<TRunEvents> =>
    ZRunEvents.parse(
      await request<unknown>(`/api/runs/${encodeURIComponent(id)}/events?${new URLSearchParams({ afterSeq: String(afterSeq) })}`, { signal }),
    ),
};

/**
 * The filter-grid PNG of a stored snapshot. Loaded by an <img>, not through the query
 * cache: the image is immutable per run/step/layer/scale, so the browser's HTTP cache
 * is the right place for it.
 */
export function filterGridUrl(id: string, step: number, layer: string, query: TFilterGridQuery): string {
  const params = new URLSearchParams({ scale: query.scale, zoom: String(query.zoom) });
  return `${apiBaseUrl()}/api/runs/${encodeURIComponent(id)}/snapshots/${step}/filters/${encodeURIComponent(layer)}.png?${params}`;
}

/** Query of the feature-map PNG: a test image of the run's CIFAR-10 split (0 … 9,999) and pixels per value (1 … 32). */
export interface TActivationMapsQuery {
  image: number;
  zoom: number;
}

/**
 * The feature-map PNG of a stored snapshot: what `layer` computes for one test image (a gray
 * tile per channel for conv/pool layers, a 1 × units strip for dense ones). Immutable per
 * run/step/layer/image/zoom, so it is loaded by an <img> and left to the HTTP cache, like
 * filterGridUrl.
 */
export function activationMapsUrl(id: string, step: number, layer: string, query: TActivationMapsQuery): string {
  const params = new URLSearchParams({ image: String(query.image), zoom: String(query.zoom) });
  return `${apiBaseUrl()}/api/runs/${encodeURIComponent(id)}/snapshots/${step}/activations/${encodeURIComponent(layer)}.png?${params}`;
}

// sweeps
// (Appended in one block, imports included, so it merges cleanly with other additions above.)
import type { TSweep, TSweepCreateInput, TSweepList } from '@tensorscope/shared';

/** 201 of POST /api/sweeps: the sweep and the runs it queued, in combination order. */
export interface TSweepCreated {
  sweep: TSweep;
  runs: TRun[];
}

export const sweepApi = {
  listSweeps: (signal?: AbortSignal) => request<TSweepList>('/api/sweeps', { signal }),

  getSweep: (id: string, signal?: AbortSignal) => request<TSweep>(`/api/sweeps/${encodeURIComponent(id)}`, { signal }),

  createSweep: (body: TSweepCreateInput) =>
    request<TSweepCreated>('/api/sweeps', { method: 'POST', body: JSON.stringify(body) }),
};

// compare
// (Appended in one block, imports included, so it merges cleanly with other additions above.)
import type { TCompareQuery, TCompareResult, TExportFormat, TSmoother } from '@tensorscope/shared';

/** The query string of GET /api/compare; absent fields are left out, so equal queries give equal URLs. */
export function compareSearch(query: TCompareQuery): string {
  const params = new URLSearchParams({ runs: query.runs.join(','), tags: query.tags.join(',') });
  if (query.smoothing !== undefined && query.smoothing > 0) params.set('smoothing', String(query.smoothing));
  params.set('smoother', query.smoother);
  params.set('buckets', String(query.buckets));
  if (query.fromStep !== undefined) params.set('fromStep', String(query.fromStep));
  if (query.toStep !== undefined) params.set('toStep', String(query.toStep));
  return params.toString();
}

export const compareApi = {
  /** Many runs × tags in one answer, downsampled and smoothed on the server. */
  compare: (query: TCompareQuery, signal?: AbortSignal) =>
    request<TCompareResult>(`/api/compare?${compareSearch(query)}`, { signal }),
};

/** Download link of GET /api/export: every run × tag in one file, smoothed as on screen. */
export function compareExportUrl(query: {
  runs: readonly string[];
  tags: readonly string[];
  format: TExportFormat;
  smoothing?: number;
  smoother?: TSmoother;
}): string {
  const params = new URLSearchParams({ runs: query.runs.join(','), tags: query.tags.join(','), format: query.format });
  if (query.smoothing !== undefined && query.smoothing > 0) {
    params.set('smoothing', String(query.smoothing));
    if (query.smoother) params.set('smoother', query.smoother);
  }
  return `${apiBaseUrl()}/api/export?${params}`;
}

// visualize
// (Appended in one block, imports included, so it merges cleanly with other additions above.)
import type { TVisualization, TVisualizationCreateInput, TVisualizationList } from '@tensorscope/shared';

export const visualizeApi = {
  /** Newest first; completed jobs carry their results (top-9 activations, image summaries). */
  listVisualizations: (runId: string, signal?: AbortSignal) =>
    request<TVisualizationList>(`/api/runs/${encodeURIComponent(runId)}/visualizations`, { signal }),

  getVisualization: (id: string, signal?: AbortSignal) =>
    request<TVisualization>(`/api/visualizations/${encodeURIComponent(id)}`, { signal }),

  /** 202: a queued job, or the cached completed one for the same step and params (unless `recompute`). */
  createVisualization: (runId: string, body: TVisualizationCreateInput) =>
    request<TVisualization>(`/api/runs/${encodeURIComponent(runId)}/visualizations`, { method: 'POST', body: JSON.stringify(body) }),
};

/** A PNG of a visualization job. Immutable per job and name, so <img> and the HTTP cache handle it, like filterGridUrl. */
export function visualizationImageUrl(id: string, name: string): string {
  return `${apiBaseUrl()}/api/visualizations/${encodeURIComponent(id)}/images/${encodeURIComponent(name)}.png`;
}

// accounts
// (Appended in one block, imports included, so it merges cleanly with other additions above.)
import type {
  TApiToken,
  TLoginBody,
  TTokenCreate,
  TTokenCreated,
  TTokenList,
  TUser,
  TUserCreate,
  TUserList,
  TUserUpdate,
  TWhoAmI,
} from '@tensorscope/shared';

export const authApi = {
  /** Sets the session and CSRF cookies on the API's host (200), or 401 / 429 / 400. */
  login: (body: TLoginBody) => request<TWhoAmI>('/api/auth/login', { method: 'POST', body: JSON.stringify(body) }),

  logout: () => request<{ ok: true }>('/api/auth/logout', { method: 'POST' }),

  /** 401 UNAUTHENTICATED when signed out. */
  me: (signal?: AbortSignal) => request<TWhoAmI>('/api/auth/me', { signal }),
};

export const tokenApi = {
  listTokens: (signal?: AbortSignal) => request<TTokenList>('/api/tokens', { signal }),

  /** The answer is the only time the token itself is shown. */
  createToken: (body: TTokenCreate) => request<TTokenCreated>('/api/tokens', { method: 'POST', body: JSON.stringify(body) }),

  revokeToken: (id: string) => request<TApiToken>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** Admins only. */
export const userApi = {
  listUsers: (signal?: AbortSignal) => request<TUserList>('/api/users', { signal }),

  createUser: (body: TUserCreate) => request<TUser>('/api/users', { method: 'POST', body: JSON.stringify(body) }),

  updateUser: (id: string, body: TUserUpdate) =>
    request<TUser>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(body) }),
};
