import { z } from 'zod';
import { safeText } from './safe-text.schema';

/*
 * What people write on a run besides its name: Markdown notes and short tags. Tags show as chips
 * in lists and are matched by filters, so they are kept plain: letters, digits and a few
 * separators, no markup, no line breaks.
 */

export const RUN_NOTES_MAX = 20_000;
export const RUN_TAG_MAX = 32;
export const RUN_TAGS_MAX = 20;

/** A letter or digit first, then letters, digits, spaces and `. _ - : / + #`. */
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._\-:/+#]*$/u;

export const ZRunNotes = safeText('notes').max(RUN_NOTES_MAX, `notes must be at most ${RUN_NOTES_MAX} characters`);

export const ZRunTag = safeText('tag')
  .trim()
  .min(1, 'a tag must not be blank')
  .max(RUN_TAG_MAX, `a tag must be at most ${RUN_TAG_MAX} characters`)
  .regex(TAG_PATTERN, 'a tag starts with a letter or digit and holds only letters, digits, spaces and . _ - : / + #');

/** The run's whole tag list (PATCH replaces it); the same tag twice, in any case, is refused. */
export const ZRunTagList = z
  .array(ZRunTag, { error: 'tags must be a list of strings' })
  .max(RUN_TAGS_MAX, `at most ${RUN_TAGS_MAX} tags per run`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((tag, i) => {
      const key = tag.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `tag "${tag}" is listed twice` });
      seen.add(key);
    });
  });

/**
 * An edit of the tag list as changes rather than a whole list (`addTags`, `removeTags` on PATCH):
 * the API applies it to the list as stored at that moment, under a row lock, so two people
 * tagging one run at once both keep their tags (a whole `tags` list is last-writer-wins).
 * Removal matches in any case; a tag already there (in any case) is not added twice.
 */
export function applyTagEdit(
  current: readonly string[],
  edit: { add?: readonly string[]; remove?: readonly string[] },
): { ok: true; tags: string[] } | { ok: false; message: string } {
  const removed = new Set((edit.remove ?? []).map((t) => t.toLowerCase()));
  const tags = current.filter((t) => !removed.has(t.toLowerCase()));
  const present = new Set(tags.map((t) => t.toLowerCase()));
  for (const tag of edit.add ?? []) {
    if (present.has(tag.toLowerCase())) continue;
    present.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > RUN_TAGS_MAX) return { ok: false, message: `at most ${RUN_TAGS_MAX} tags per run (it would have ${tags.length})` };
  return { ok: true, tags };
}
