import { z } from 'zod';

/*
 * Steps live in int4 columns. A larger number (JavaScript allows up to 2^53) passed validation
 * and failed in Prisma ("Unable to fit integer value into an INT4"), a 500 instead of a 400.
 */
export const MIN_STEP = -(2 ** 31);
export const MAX_STEP = 2 ** 31 - 1;

/** A step bound in a query string (`afterStep`, `fromStep`, `toStep`); negative is allowed (`afterStep=-1`: all). */
export const queryStep = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be an integer`)
    .min(MIN_STEP, `${field} must be at least ${MIN_STEP}`)
    .max(MAX_STEP, `${field} must be at most ${MAX_STEP}`);

/** A snapshot step in a path (`/snapshots/:step/…`), coerced from its text. */
export const pathStep = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be an integer`)
    .min(0, `${field} must be ≥ 0`)
    .max(MAX_STEP, `${field} must be at most ${MAX_STEP}`);

/** A snapshot step in a JSON body. */
export const bodyStep = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be an integer`)
    .min(0, `${field} must be ≥ 0`)
    .max(MAX_STEP, `${field} must be at most ${MAX_STEP}`);
