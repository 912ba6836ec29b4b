import { useId, useMemo, useState } from 'react';
import { parseFragment, type FragmentNode } from '../../../lib/markup/html-fragment.ts';
import { renderFragment } from '../model/comment-markup.tsx';

/** Longer than this (in characters of text), an email opens collapsed to its first lines. */
const LONG_TEXT = 400;

const textLength = (nodes: FragmentNode[]): number =>
  nodes.reduce(
    (sum, node) => sum + (node.type === 'text' ? node.text.length : textLength(node.children)),
    0,
  );

/**
 * An email's body, readable: its markup goes through our own fragment parser and keeps only what a comment may
 * (paragraphs, lists, emphasis, http(s) links); a long one shows its first lines and a button for the rest.
 */
export function EmailBody({ body }: { body: string }) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  // Parsed once for its length and its elements, and again only when the body changes.
  const nodes = useMemo(() => parseFragment(body), [body]);
  if (!body.trim()) return null;
  const long = textLength(nodes) > LONG_TEXT;
  // A plain-text email (no markup at all) keeps its own line breaks and blank lines between paragraphs.
  const plain = nodes.every((node) => node.type === 'text');
  return (
    <div className="mt-1">
      <div
        id={id}
        data-testid="email-body"
        className={`rounded border-l-2 border-slate-300 pl-3 break-words text-slate-800 dark:border-slate-600 dark:text-slate-200 ${plain ? 'whitespace-pre-line' : ''} ${long && !expanded ? 'line-clamp-4' : ''}`}
      >
        {renderFragment(nodes)}
      </div>
      {long && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
          className="mt-1 text-xs font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
        >
          {expanded ? 'Show less' : 'Show the whole email'}
        </button>
      )}
    </div>
  );
}
