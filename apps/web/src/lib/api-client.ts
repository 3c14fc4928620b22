import type { TFieldErrors } from '@tensorscope/shared';
import { ZApiError, ZFieldErrors } from '@tensorscope/shared';
import type { z } from 'zod';
import { apiBaseUrl } from './api-base-url';
import { csrfHeaders } from './csrf-cookie';

/*
 * The core every endpoint module (lib/runs.api.ts, features/<feature>/lib/<feature>.api.ts) builds
 * on: fetch with the session cookie and the CSRF echo, the API's error shape, and answers parsed
 * with the shared zod schemas, so a component never holds data that only claims a type.
 */

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
  constructor(
    readonly baseUrl: string,
    cause: unknown,
  ) {
    super(`Cannot reach the API at ${baseUrl}`, { cause });
    this.name = 'ApiUnreachableError';
  }
}

/** The API doesn't know who is calling (no session, or it expired): time to sign in. */
export const isUnauthenticated = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED';

/** 404, or the 400 the API answers for an id that isn't even a UUID: either way, no such run. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.fieldErrors.some((issue) => issue.path === 'id')));

/** `bytes` reads a successful answer as an ArrayBuffer (a binary representation); errors are JSON either way. */
async function request(path: string, init: RequestInit, read: 'json' | 'bytes' = 'json'): Promise<{ status: number; body: unknown }> {
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
  if (read === 'bytes' && response.ok) return { status: response.status, body: await response.arrayBuffer() };
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw apiErrorOf(response.status, response.statusText, body);
  return { status: response.status, body };
}

/** The ApiError of a failed answer: the API's error shape when it sent one, else the HTTP status. */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const parsed = ZApiError.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details);
  return new ApiError(status, 'HTTP_ERROR', `${status} ${statusText}`.trim());
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Calls the API and parses its answer with `schema`; an answer of another shape is an ApiError (INVALID_RESPONSE). */
export async function apiRequest<T>(schema: z.ZodType<T>, path: string, init: RequestInit = {}): Promise<T> {
  const { status, body } = await request(path, init);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') || 'the answer';
  throw new ApiError(
    status,
    'INVALID_RESPONSE',
    `The API answered ${path.split('?')[0]} in an unexpected shape (${where}).`,
    parsed.error.issues,
  );
}

/**
 * A GET of a binary representation (`accept`, which the endpoint offers beside JSON), turned into
 * data by `decode`, which throws on a malformed answer: that is an ApiError (INVALID_RESPONSE).
 */
export async function apiGetDecoded<T>(decode: (bytes: ArrayBuffer) => T, path: string, accept: string, signal?: AbortSignal): Promise<T> {
  const { status, body } = await request(path, { signal, headers: { accept } }, 'bytes');
  try {
    return decode(body as ArrayBuffer);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ApiError(status, 'INVALID_RESPONSE', `The API answered ${path.split('?')[0]} in an unexpected shape (${why}).`);
  }
}

/** A GET, parsed with `schema`. */
export const apiGet = <T>(schema: z.ZodType<T>, path: string, signal?: AbortSignal): Promise<T> => apiRequest(schema, path, { signal });

/** A write with an optional JSON body, its answer parsed with `schema`. */
export const apiSend = <T>(schema: z.ZodType<T>, method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> =>
  apiRequest(schema, path, body === undefined ? { method } : { method, body: JSON.stringify(body) });

/** The absolute URL of an API path, for what the browser loads itself (<img>, downloads). */
export const apiUrl = (path: string): string => `${apiBaseUrl()}${path}`;

/** The path of a run, or of something below it. */
export const runPath = (id: string, below = ''): string => `/api/runs/${encodeURIComponent(id)}${below}`;
