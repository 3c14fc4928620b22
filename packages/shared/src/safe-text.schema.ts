import { z } from 'zod';

/*
 * Text Postgres can store. JavaScript strings may hold two things Postgres refuses: a NUL
 * character (text columns: "invalid byte sequence for encoding UTF8: 0x00") and a lone UTF-16
 * surrogate (JSON columns: Prisma's "unexpected end of hex escape"). Either one, unchecked,
 * turned a bad request into a 500; every string a request carries goes through this check first.
 */

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- matching NUL is this pattern's purpose
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isSafeText = (text: string): boolean => !UNSAFE_TEXT.test(text);

export const unsafeTextMessage = (field: string): string => `${field} must not contain NUL characters or unpaired UTF-16 surrogates`;

/**
 * A string field that is safe to store, with "<field> must …" messages. Further checks chain on
 * (`.max()`, `.regex()`, `.uuid()`); the safety check aborts, so a NUL is reported once, not again
 * as a pattern mismatch.
 */
export const safeText = (field: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) })
    .refine(isSafeText, { message: unsafeTextMessage(field), abort: true });
