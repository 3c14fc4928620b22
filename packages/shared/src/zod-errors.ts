import type { z } from 'zod';
import type { TFieldErrors } from './error.schema';

/** Flattens zod issues into `{path, message}` pairs the form and the API both show. */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
