import { ZRunTagList } from '@tensorscope/shared';
import { placeFieldErrors } from '../../../lib/field-errors';

/** A refused change to a run, in words: the API's field messages, or its error message. */
export const updateErrorText = (error: unknown): string | undefined => placeFieldErrors(error, []).form;

/**
 * `draft` as a tag to add, or why not: the shared rules the API applies (pattern, length, count,
 * no tag twice) checked against the list as shown, so a bad tag is refused before any request.
 */
export function addTag(tags: readonly string[], draft: string): { ok: true; added: string } | { ok: false; message: string } {
  const parsed = ZRunTagList.safeParse([...tags, draft]);
  if (parsed.success) return { ok: true, added: parsed.data.at(-1)! };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'not a valid tag' };
}
