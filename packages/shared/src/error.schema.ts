import { z } from 'zod';

/** The one error shape every API error answers with. */
export const ZApiError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type TApiError = z.infer<typeof ZApiError>;

/** Per-field messages, as `details` of a VALIDATION_FAILED error. */
export const ZFieldErrors = z.array(z.object({ path: z.string(), message: z.string() }));
export type TFieldErrors = z.infer<typeof ZFieldErrors>;

export const ERROR_CODES = {
  validation: 'VALIDATION_FAILED',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  badRequest: 'BAD_REQUEST',
  internal: 'INTERNAL',
} as const;
