import type { Person } from '../../../api/people.ts';

/** An `@` being typed: where it starts and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

const MAX_QUERY = 40;

/**
 * The mention being typed at the caret, if any: an `@` at the start or after a space or opening bracket, then up
 * to 40 characters with no line break, no second `@` and at most two spaces (first and last names).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const start = caret - before.length + at;
  const query = text.slice(start + 1, caret);
  const previous = start > 0 ? text[start - 1] : ' ';
  if (!/[\s([{"']/.test(previous ?? ' ')) return null;
  if (/[\n@]/.test(query) || /^\s/.test(query) || (query.match(/ /g)?.length ?? 0) > 2) return null;
  return { start, query };
}

/**
 * Puts `@Name` in place of the `@query` being typed, with a space after it unless one or a punctuation mark
 * follows; returns the new text and where the caret goes.
 */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const inserted = /^[\s,.;:!?)\]}]/.test(after) ? `@${name}` : `@${name} `;
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  };
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people whose name matches what is typed, best first: the whole name starting with it, then a later word
 * starting with it, then containing it anywhere; case and accents do not matter. At most `limit`.
 */
export function matchPeople(people: readonly Person[], query: string, limit = 8): Person[] {
  const wanted = fold(query.trim());
  const ranked: [number, Person][] = [];
  for (const person of people) {
    const name = fold(person.name);
    const rank = name.startsWith(wanted)
      ? 0
      : name.split(/\s+/).some((word) => word.startsWith(wanted))
        ? 1
        : name.includes(wanted)
          ? 2
          : -1;
    if (rank >= 0) ranked.push([rank, person]);
  }
  return ranked
    .sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name))
    .slice(0, limit)
    .map(([, person]) => person);
}
