/*
 * A small Markdown subset for run notes, parsed into a tree the dashboard turns into React
 * elements (markdown.render.ts). Nothing here ever becomes HTML text: raw HTML in a note stays
 * visible text, and links keep only web and mail addresses, so a note cannot inject markup or
 * script. Supported: headings (#), paragraphs (line breaks kept), **bold**, *italic*,
 * ~~struck~~, `code`, fenced code blocks, - / 1. lists, > quotes, --- rules, [links](https://…).
 */

export type TInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em' | 'del'; children: TInline[] }
  | { type: 'link'; href: string; children: TInline[] };

export type TBlock =
  | { type: 'heading'; level: 1 | 2 | 3; children: TInline[] }
  | { type: 'paragraph'; children: TInline[] }
  | { type: 'code'; text: string }
  | { type: 'list'; ordered: boolean; items: TInline[][] }
  | { type: 'quote'; children: TBlock[] }
  | { type: 'rule' };

/** Web, mail and same-site addresses; anything else (javascript:, data:, vbscript:…) is no link. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  if (/^\/(?!\/)/.test(trimmed) || trimmed.startsWith('#')) return trimmed;
  return null;
}

/**
 * Inline markers, earliest match wins; emphasis and links nest (their text is parsed again).
 * Link text and targets have a length limit: unbounded, a note of 20,000 "[" took quadratic
 * time (each "[" scanned to the end for its "]").
 */
const INLINE =
  /`([^`\n]+)`|\*\*(.+?)\*\*|__(.+?)__|~~(.+?)~~|\*([^*\s](?:[^*]*[^*\s])?)\*|\b_([^_\s](?:[^_]*[^_\s])?)_\b|\[([^\]\n]{1,300})\]\(([^()\s]{1,2000})\)|\n/s;

export function parseInline(text: string): TInline[] {
  const out: TInline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: 'text', text: rest.slice(0, m.index) });
    const [whole, code, strong1, strong2, del, em1, em2, linkText, href] = m;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (strong1 !== undefined || strong2 !== undefined) out.push({ type: 'strong', children: parseInline(strong1 ?? strong2!) });
    else if (del !== undefined) out.push({ type: 'del', children: parseInline(del) });
    else if (em1 !== undefined || em2 !== undefined) out.push({ type: 'em', children: parseInline(em1 ?? em2!) });
    else if (linkText !== undefined) {
      const safe = safeHref(href!);
      // An unsafe target stays plain text, so the reader still sees what was written.
      out.push(safe ? { type: 'link', href: safe, children: parseInline(linkText) } : { type: 'text', text: whole });
    } else out.push({ type: 'break' });
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const FENCE = /^\s*```/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;

/**
 * A heading's text without its optional closing hashes ("## Why ##"). Done by hand: the obvious
 * pattern (`(.*?)\s*#*\s*$`) backtracks in cubic time on a line of spaces, which froze the page.
 */
function headingText(raw: string): string {
  const text = raw.trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  const closed = end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t');
  return closed ? text.slice(0, end).trimEnd() : text;
}

/** Whether a line starts a block of its own (and so ends a paragraph). */
const startsBlock = (line: string) =>
  HEADING.test(line) || FENCE.test(line) || RULE.test(line) || BULLET.test(line) || NUMBERED.test(line) || QUOTE.test(line);

/** Quotes nest this deep at most; deeper ">" stay text (a note of 20,000 ">" overflowed the stack). */
const MAX_QUOTE_DEPTH = 4;

export function parseMarkdown(source: string, depth = 0): TBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // Notes sit inside a page with its own headings: three levels are plenty.
      blocks.push({
        type: 'heading',
        level: Math.min(heading[1]!.length, 3) as 1 | 2 | 3,
        children: parseInline(headingText(heading[2]!)),
      });
      i++;
    } else if (FENCE.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i++]!);
      i++; // the closing fence (or the end of the note)
      blocks.push({ type: 'code', text: body.join('\n') });
    } else if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
    } else if (QUOTE.test(line) && depth < MAX_QUOTE_DEPTH) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ type: 'quote', children: parseMarkdown(body.join('\n'), depth + 1) });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const item = ordered ? NUMBERED : BULLET;
      const items: TInline[][] = [];
      while (i < lines.length && item.test(lines[i]!)) items.push(parseInline(item.exec(lines[i++]!)![1]!));
      blocks.push({ type: 'list', ordered, items });
    } else {
      const body: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && (body.length === 0 || !startsBlock(lines[i]!))) body.push(lines[i++]!);
      blocks.push({ type: 'paragraph', children: parseInline(body.join('\n')) });
    }
  }
  return blocks;
}
