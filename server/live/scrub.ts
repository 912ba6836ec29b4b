/**
 * The token never leaves the server in an answer: every answer from Productive is scrubbed of it in one pass over
 * its text, with a pattern built once per token (cached), never per string or key, and no recursion over the
 * answer's structure (a deeply nested answer cannot overflow the stack).
 *
 * What is scrubbed, in any letter case: the token as is; percent-encoded, any character or all (`%70%61…`);
 * with zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen) between its characters; and
 * base64-encoded (standard or URL-safe alphabet, on its own or inside a longer base64 text at any alignment).
 * In a JSON answer, also with JSON's escapes (`\"`, `\\`, `\/`, `\u0070`): the answer is parsed and
 * re-serialized first, so those arrive as the characters themselves.
 */
export const REDACTED = '[redacted]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const ZERO_WIDTH = '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]*';

/** Every way one character of the token may be written: itself, or percent-encoded (its UTF-8 bytes). */
function characterForms(char: string, json: boolean): string {
  const percent = [...Buffer.from(char, 'utf8')]
    .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
    .join('');
  // In serialized JSON a quote or backslash inside a string is always escaped; a bare one is structure, never
  // part of a string, so it must not be matched (a replacement there would break the document).
  const literal =
    json && char === '"' ? '\\\\"' : json && char === '\\' ? '\\\\\\\\' : escapeRegExp(char);
  return `(?:${literal}|${escapeRegExp(percent)})`;
}

/**
 * The parts of base64(token) that do not depend on what surrounds it: for each of the three alignments the token
 * may have inside a longer base64 text, the characters encoded from the token's bits alone.
 */
function base64Forms(token: string): string[] {
  const bytes = Buffer.from(token, 'utf8');
  if (bytes.length < 12) return [];
  const forms = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    forms.add(core);
    forms.add(core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...forms];
}

/** The one pattern for a token (global, case-insensitive); `json`: for serialized JSON text. */
export function tokenPattern(token: string, { json = false }: { json?: boolean } = {}): RegExp {
  const spelled = [...token].map((char) => characterForms(char, json)).join(ZERO_WIDTH);
  const forms = [spelled, ...base64Forms(token).map(escapeRegExp)];
  return new RegExp(forms.join('|'), 'gi');
}

/** Patterns built so far, per token (and text kind); the oldest forgotten past a few thousand tokens. */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 2000;

function cachedPattern(token: string, json: boolean): RegExp {
  const key = `${json ? 'j' : 't'}${token}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = tokenPattern(token, { json });
    patterns.set(key, pattern);
    if (patterns.size > MAX_PATTERNS) patterns.delete(patterns.keys().next().value as string);
  }
  return pattern;
}

/** The text with the token replaced wherever it occurs, in any of the forms above. */
export function scrubText(text: string, token: string): string {
  return token ? text.replace(cachedPattern(token, false), REDACTED) : text;
}

/**
 * A JSON answer, re-serialized with the token replaced wherever it occurs, keys included: one pass over the text.
 * Null when the value cannot be serialized (nested deeper than the engine's stack allows).
 */
export function scrubbedJson(value: unknown, token: string): string | null {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return token ? text.replace(cachedPattern(token, true), REDACTED) : text;
}
