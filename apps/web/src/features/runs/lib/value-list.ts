/*
 * Number boxes hold raw text. A single run's box holds one number; a sweep's box holds a list
 * ("128, 256, 1024"). Both are parsed here, so "abc" or an empty box gets a plain message
 * instead of silently falling back to the schema's default.
 */

export type TNumberParse = { ok: true; value: number | undefined } | { ok: false; message: string };
export type TListParse<T> = { ok: true; values: T[] } | { ok: false; message: string };

/** One number; blank is `undefined` when the field may be left unset, else an error. */
export function parseNumberText(field: string, text: string, optional = false): TNumberParse {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { ok: true, value: undefined } : { ok: false, message: `${field} is required` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${field} must be a number` };
  return { ok: true, value };
}

/**
 * A comma-separated list of numbers. Empty items are skipped (a trailing comma while typing is
 * not an error); a blank box is an empty list when the field may be unset, else an error.
 * Duplicates are left to the sweep schema, which names them.
 */
export function parseNumberList(field: string, text: string, optional = false): TListParse<number> {
  const items = splitList(text);
  if (items.length === 0) return optional ? { ok: true, values: [] } : { ok: false, message: `${field} is required` };
  const values: number[] = [];
  const bad: string[] = [];
  for (const item of items) {
    const value = Number(item);
    if (Number.isFinite(value)) values.push(value);
    else bad.push(item);
  }
  if (bad.length > 0) {
    const quoted = bad.map((b) => `"${b}"`).join(', ');
    return { ok: false, message: `${field}: ${quoted} ${bad.length === 1 ? 'is not a number' : 'are not numbers'}` };
  }
  return { ok: true, values };
}

/** The non-empty, trimmed items of a comma-separated list. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
