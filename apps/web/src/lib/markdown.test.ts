import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref, type TBlock } from './markdown';
import { renderMarkdown } from './markdown.render';

const html = (source: string) => renderToStaticMarkup(createElement(Fragment, null, renderMarkdown(source)));

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists, quotes, rules and code blocks', () => {
    const blocks = parseMarkdown('# Why\nlr too high,\nloss diverged\n\n- one\n- two\n1. first\n> quoted\n---\n```\nx <b>\n```');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'rule', 'code']);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: 'lr too high,' }, { type: 'break' }, { type: 'text', text: 'loss diverged' }],
    });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
    expect(blocks[6]).toEqual({ type: 'code', text: 'x <b>' });
  });

  it('reads emphasis, code and links, and leaves snake_case and lone stars alone', () => {
    expect(parseInline('**b** *i* ~~d~~ `c` [t](https://x.org)')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'i' }] },
      { type: 'text', text: ' ' },
      { type: 'del', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'c' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.org', children: [{ type: 'text', text: 't' }] },
    ]);
    expect(parseInline('snake_case_name 2 * 3 * 4')).toEqual([{ type: 'text', text: 'snake_case_name 2 * 3 * 4' }]);
  });
});

describe('parseMarkdown on hostile notes', () => {
  it('takes linear time on the longest notes the API stores (no regex backtracking blow-up)', () => {
    const n = 20_000;
    const notes = [
      `# a${' '.repeat(n)}b`,
      `# a${' #'.repeat(n / 2)}`,
      '['.repeat(n),
      '[a]('.repeat(n / 4),
      '**a'.repeat(n / 3),
      `~~${'a'.repeat(n)}`,
      `*${'a '.repeat(n / 2)}`,
      ` _a${' '.repeat(n)}`,
      `-${'  -'.repeat(n / 3)}x`,
      `${'- '.repeat(n / 2)}x`,
      '>'.repeat(n),
      '`a'.repeat(n / 2),
    ];
    for (const note of notes) {
      const started = performance.now();
      parseMarkdown(note);
      expect(performance.now() - started, JSON.stringify(note.slice(0, 12))).toBeLessThan(1000);
    }
  });

  it('nests quotes a few levels deep, then keeps the rest as text', () => {
    expect(parseMarkdown('> > a')).toEqual([
      { type: 'quote', children: [{ type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'a' }] }] }] },
    ]);
    let deepest = parseMarkdown('>>>>>>a')[0];
    for (let level = 0; level < 4; level++) deepest = (deepest as { children: TBlock[] }).children[0];
    expect(deepest).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '>>a' }] });
  });

  it('drops only closing hashes from a heading', () => {
    const texts = ['## Why ##', '# C# and F#', '#  #', '### x #y'].map((h) => parseMarkdown(h)[0]);
    expect(texts).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why' }] },
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'C# and F#' }] },
      { type: 'heading', level: 1, children: [] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'x #y' }] },
    ]);
  });
});

describe('safeHref', () => {
  it('keeps web, mail and same-site addresses only', () => {
    expect(safeHref('https://a.b/c')).toBe('https://a.b/c');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('/runs/1')).toBe('/runs/1');
    for (const bad of ['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x', '//evil.org', 'ftp://x'])
      expect(safeHref(bad)).toBeNull();
  });
});

describe('renderMarkdown', () => {
  it('renders the subset as elements', () => {
    expect(html('## Notes\n**lr** was *high*\n\n- a')).toBe(
      '<h4>Notes</h4><p><strong>lr</strong> was <em>high</em></p><ul><li>a</li></ul>',
    );
    expect(html('[paper](https://arxiv.org/abs/1)')).toBe(
      '<p><a href="https://arxiv.org/abs/1" target="_blank" rel="noopener noreferrer nofollow">paper</a></p>',
    );
  });

  it('never lets markup or script through: raw HTML is text, bad links are text', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[click](javascript:alert`1`)',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '**<iframe src="https://evil.org">**',
      '`<b>`\n```\n</pre><script>x</script>\n```',
      '"><svg onload=alert(1)>',
    ];
    for (const source of attacks) {
      const out = html(source);
      expect(out).not.toMatch(/<(script|img|iframe|svg)\b/i);
      // Text may say "onerror=", escaped; no element may carry a handler attribute.
      expect(out).not.toMatch(/<[^>]*\son\w+=/i);
      expect(out).not.toMatch(/href="(?!https?:|mailto:|\/|#)/i);
    }
    expect(html('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
    expect(html('[click](javascript:alert`1`)')).toBe('<p>[click](javascript:alert`1`)</p>');
  });
});
