import type { z } from 'zod';
import type { TFieldErrors } from './error.schema';

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

/**
 * Flattens zod issues into `{path, message}` pairs the form and the API both show. A strict
 * object reports all its unknown keys in one issue at the object's path; each key becomes its
 * own detail, on the key's path, so a client can place it like any other field error.
 */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: `unknown field "${key}"` }))
      : [{ path: joinPath(issue.path), message: issue.message }],
  );
}
