/**
 * What a reply sends: plain text as typed, turned into the simple markup Productive's comments carry. Every
 * character the person typed is escaped, so nothing they write is ever markup; the only elements are the ones
 * made here (`<p>` per paragraph, `<br>` per line break), and the people picked from the mention list become
 * `@[Person:ID:Name]`.
 */
export interface MentionedPerson {
  id: string;
  name: string;
}

/** Productive's limit, which the server checks too. */
export const MAX_COMMENT_LENGTH = 20_000;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeText = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** A name as it may stand inside a mention: no brackets or control characters, at most 100 characters. */
export const mentionName = (name: string) =>
  name
    // eslint-disable-next-line no-control-regex
    .replace(/[[\]\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds `@Name` of the people mentioned (longest names first), not inside a longer word. */
function mentionPattern(mentions: readonly MentionedPerson[]): RegExp | null {
  const names = [
    ...new Set(
      mentions.filter((m) => /^\d{1,18}$/.test(m.id) && mentionName(m.name)).map((m) => m.name),
    ),
  ].sort((a, b) => b.length - a.length);
  if (names.length === 0) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])@(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`,
    'gu',
  );
}

function line(text: string, pattern: RegExp | null, byName: Map<string, MentionedPerson>) {
  if (!pattern) return escapeText(text);
  let out = '';
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    const person = byName.get(match[1] as string);
    if (!person) continue;
    out += escapeText(text.slice(index, match.index));
    out += `@[Person:${person.id}:${escapeText(mentionName(person.name))}]`;
    index = (match.index ?? 0) + match[0].length;
  }
  return out + escapeText(text.slice(index));
}

/**
 * Plain text to comment markup: blank lines separate paragraphs, single line breaks are kept as `<br>`, leading
 * and trailing blank lines are dropped. Empty (or whitespace-only) text gives ''.
 */
export function commentMarkup(text: string, mentions: readonly MentionedPerson[] = []): string {
  const pattern = mentionPattern(mentions);
  const byName = new Map(mentions.map((mention) => [mention.name, mention]));
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((value) => value.replace(/\s+$/, ''))
        .filter((value, index, lines) => value.trim() || (index > 0 && index < lines.length - 1)),
    )
    .filter((lines) => lines.some((value) => value.trim()))
    .map((lines) => `<p>${lines.map((value) => line(value, pattern, byName)).join('<br>')}</p>`)
    .join('');
}

/** The people still mentioned in the text (a mention whose `@Name` was edited away is not sent). */
export function mentionsIn(text: string, mentions: readonly MentionedPerson[]): MentionedPerson[] {
  const pattern = mentionPattern(mentions);
  if (!pattern) return [];
  const found = new Set([...text.matchAll(pattern)].map((match) => match[1]));
  const seen = new Set<string>();
  return mentions.filter((mention) => {
    if (!found.has(mention.name) || seen.has(mention.name)) return false;
    seen.add(mention.name);
    return true;
  });
}
