import { parseRunFilter } from '@tensorscope/shared';

/** The filter box's verdict: empty (no filter), valid (sent), or the parser's message with a caret position. */
export type TFilterTextCheck =
  { state: 'empty' } | { state: 'valid'; text: string } | { state: 'invalid'; message: string; position: number };

/** Checks what is typed in the filter box with the same parser the API uses. */
export function checkFilterText(text: string): TFilterTextCheck {
  const trimmed = text.trim();
  if (!trimmed) return { state: 'empty' };
  const parsed = parseRunFilter(trimmed);
  return parsed.ok ? { state: 'valid', text: trimmed } : { state: 'invalid', ...parsed.error };
}

/**
 * A search box that takes either a name or a filter expression (the compare run picker): text
 * that parses as a filter is one, anything else is a part of a name.
 */
export function runSearchQuery(text: string): { filter: string } | { name: string } | Record<string, never> {
  const check = checkFilterText(text);
  if (check.state === 'valid') return { filter: check.text };
  return check.state === 'empty' ? {} : { name: text.trim() };
}
