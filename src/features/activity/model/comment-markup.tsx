import type { ReactNode } from 'react';
import { parseFragment, type FragmentNode } from '../../../lib/markup/html-fragment.ts';

/** Mentions are written `@[Person:ID:Name]` inside comment bodies. */
const MENTION = /@\[Person:(\d+):([^\]]{1,100})\]/g;

const INLINE: Record<string, string> = {
  b: 'font-semibold',
  strong: 'font-semibold',
  i: 'italic',
  em: 'italic',
};
const BLOCK = new Set(['p', 'ul', 'ol', 'li', 'br', 'a']);
/** Whose content is never shown (script, style and the like are already skipped by the parser). */
const DROP = new Set(['object', 'embed', 'svg', 'math', 'select', 'head']);

export function safeHref(href: string | null): string | null {
  const trimmed = href?.trim() ?? '';
  // Only absolute http(s) addresses: no relative, protocol-relative or script URLs.
  if (!/^https?:\/\/[^/]/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function withMentions(text: string, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let index = 0;
  for (const match of text.matchAll(MENTION)) {
    if ((match.index ?? 0) > index) parts.push(text.slice(index, match.index));
    parts.push(
      <span
        key={`${key}-m${match.index}`}
        className="rounded bg-violet-100 px-1 font-medium text-violet-900 dark:bg-violet-900 dark:text-violet-100"
      >
        @{match[2]}
      </span>,
    );
    index = (match.index ?? 0) + match[0].length;
  }
  if (index < text.length) parts.push(text.slice(index));
  return parts;
}

function convert(node: FragmentNode, key: string): ReactNode {
  if (node.type === 'text') return withMentions(node.text, key);
  const { tag } = node;
  if (DROP.has(tag)) return null;
  const children = node.children.map((child, index) => convert(child, `${key}.${index}`));
  if (INLINE[tag])
    return (
      <span key={key} className={INLINE[tag]}>
        {children}
      </span>
    );
  if (!BLOCK.has(tag)) return children;
  switch (tag) {
    case 'p':
      return (
        <p key={key} className="my-1">
          {children}
        </p>
      );
    case 'ul':
      return (
        <ul key={key} className="my-1 list-disc pl-5">
          {children}
        </ul>
      );
    case 'ol':
      return (
        <ol key={key} className="my-1 list-decimal pl-5">
          {children}
        </ol>
      );
    case 'li':
      return <li key={key}>{children}</li>;
    case 'br':
      return <br key={key} />;
    default: {
      const href = safeHref(node.attributes.get('href') ?? null);
      return href ? (
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-brand-700 underline underline-offset-2 dark:text-brand-100"
        >
          {children}
        </a>
      ) : (
        children
      );
    }
  }
}

/**
 * A comment body as React elements. The markup is parsed by our own fragment parser (the browser never sees it)
 * and only emphasis, paragraphs, lists, line breaks and http(s) links are rebuilt; every other element is
 * reduced to its text, and attributes other than a link's checked href are never copied.
 */
export function renderCommentBody(markup: string): ReactNode {
  return renderFragment(parseFragment(markup));
}

/** A parsed body as React elements, by the same allowlist (for a caller that also reads the tree). */
export function renderFragment(nodes: FragmentNode[]): ReactNode {
  return nodes.map((child, index) => convert(child, String(index)));
}
