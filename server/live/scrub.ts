/**
 * The token never leaves the server in an answer: every answer from Productive is scrubbed of it in one pass over
 * its text, with a pattern built once per token (cached), never per string or key, and no recursion over the
 * answer's structure (a deeply nested answer cannot overflow the stack).
 *
 * What is scrubbed, in any letter case: the token as is; percent-encoded, any character or all (`%70%61…`);
 * with zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen) between its characters; and
 * base64-encoded (standard or URL-safe alphabet, on its own or inside a longer base64 text at any alignment).
 * In a JSON answer, also with JSON's escapes (`\"`, `\\`, `\/`, `\u0070`): an answer holding `\u` or `\/` is
 * parsed and re-serialized first, so those arrive as the characters themselves; one without them is already
 * written as re-serializing would write its strings, and is scrubbed as received (scrubbedAnswer).
 */
import { isUtf8 } from 'node:buffer';

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

/** What scrubbedAnswer says of an answer it cannot pass on. */
export const NOT_JSON = Symbol('not JSON');
export const TOO_DEEP = Symbol('too deep');

/**
 * An upstream answer as it is to be passed on, the token scrubbed: the bytes as received when nothing in them needs
 * rewriting (the common case: no copy, no re-encoding), the scrubbed text otherwise; NOT_JSON or TOO_DEEP when it
 * cannot be passed on (then it never is, raw).
 *
 * Skipping the re-serialization is safe only where it would change no string: JSON's escapes that spell another
 * character (`\uXXXX`, `\/`) are the only ones JSON.stringify writes differently (it keeps `\"`, `\\`, `\n`…, and
 * a string cannot hold a raw control character), and invalid UTF-8 would be read differently by another decoder.
 * An answer with either takes the long way, parsed and re-serialized, as before. Outside strings only whitespace
 * and number formats differ, which the token pattern does not depend on.
 */
export function scrubbedAnswer(
  bytes: Buffer<ArrayBuffer>,
  token: string,
): Buffer<ArrayBuffer> | string | typeof NOT_JSON | typeof TOO_DEEP {
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  if (!text.includes('\\u') && !text.includes('\\/') && isUtf8(bytes)) {
    if (!token) return bytes;
    const pattern = cachedPattern(token, true);
    // search() ignores the pattern's lastIndex and leaves it as it was.
    return text.search(pattern) === -1 ? bytes : text.replace(pattern, REDACTED);
  }
  return scrubbedJson(value, token) ?? TOO_DEEP;
}
