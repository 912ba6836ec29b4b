import { createContext, use } from 'react';
import { highlightRanges } from '../replica/view.ts';

/** The search's words (normalised, see replica/view.ts) that text below should highlight; none by default. */
export const SearchTermsContext = createContext<readonly string[]>([]);

/** Text with the search's words marked, as React text (never HTML). */
export function Highlighted({ text }: { text: string }) {
  const terms = use(SearchTermsContext);
  const ranges = terms.length ? highlightRanges(text, terms) : [];
  if (ranges.length === 0) return text;
  const parts: React.ReactNode[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (start > from) parts.push(text.slice(from, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-yellow-200 text-inherit dark:bg-yellow-700">
        {text.slice(start, end)}
      </mark>,
    );
    from = end;
  }
  if (from < text.length) parts.push(text.slice(from));
  return <>{parts}</>;
}
