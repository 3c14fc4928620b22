import { ApiError, ApiUnreachableError } from './api-client';

/** A refused form submit as messages: one per known field, and one for the form as a whole. */
export interface TPlacedErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** What belongs to no field: a 401/403/409/429 message, or a 400 message for another path. */
  form?: string;
}

/**
 * Places an API error's messages on a form: a 400's per-field details beside `fields` (first
 * message per field), the rest, or the error's own message, for the form. Shared by the sign-in,
 * token and user forms, so all of them show the API's words the same way.
 */
export function placeFieldErrors<F extends string>(error: unknown, fields: readonly F[]): TPlacedErrors<F> {
  if (error instanceof ApiUnreachableError) return { fields: {}, form: `${error.message}. Is the API running?` };
  if (!(error instanceof ApiError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  const placed: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const { path, message } of error.fieldErrors) {
    const field = fields.find((f) => f === path);
    if (field !== undefined) placed[field] ??= message;
    else other.push(path ? `${path}: ${message}` : message);
  }
  if (other.length > 0) return { fields: placed, form: other.join('; ') };
  if (Object.keys(placed).length > 0) return { fields: placed };
  return { fields: placed, form: error.message };
}
