import { createElement, Fragment, type ReactNode } from 'react';
import { parseMarkdown, type TBlock, type TInline } from './markdown';

/*
 * The parsed note as React elements. Every piece of text is a React text child (escaped by
 * React); no HTML string is ever handed to the DOM, and links come only from safeHref.
 */

function inline(nodes: TInline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return createElement(Fragment, { key: i }, node.text);
      case 'code':
        return createElement('code', { key: i }, node.text);
      case 'break':
        return createElement('br', { key: i });
      case 'link':
        // A note's links leave the dashboard: a new tab, and no window.opener for the target.
        return createElement(
          'a',
          { key: i, href: node.href, target: '_blank', rel: 'noopener noreferrer nofollow' },
          inline(node.children),
        );
      default:
        return createElement(node.type, { key: i }, inline(node.children));
    }
  });
}

const HEADING_TAGS = { 1: 'h3', 2: 'h4', 3: 'h5' } as const;

function block(node: TBlock, key: number): ReactNode {
  switch (node.type) {
    case 'heading':
      return createElement(HEADING_TAGS[node.level], { key }, inline(node.children));
    case 'paragraph':
      return createElement('p', { key }, inline(node.children));
    case 'code':
      return createElement('pre', { key }, createElement('code', null, node.text));
    case 'list':
      return createElement(
        node.ordered ? 'ol' : 'ul',
        { key },
        node.items.map((item, i) => createElement('li', { key: i }, inline(item))),
      );
    case 'quote':
      return createElement('blockquote', { key }, node.children.map(block));
    case 'rule':
      return createElement('hr', { key });
  }
}

/** A Markdown note as React elements (a fragment of blocks). */
export const renderMarkdown = (source: string): ReactNode => createElement(Fragment, null, parseMarkdown(source).map(block));
