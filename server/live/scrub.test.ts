import { describe, expect, it } from 'vitest';
import { NOT_JSON, REDACTED, scrubbedAnswer, scrubbedJson, scrubText, TOO_DEEP } from './scrub.ts';

const TOKEN = 'pat-secret-token-1234567890abcdef';

/** A page of notifications as Productive sends them: 200 rows of titles, excerpts and ids. */
function page(rows: number) {
  return {
    data: Array.from({ length: rows }, (_, index) => ({
      id: String(9_000_000 + index),
      type: 'notifications',
      attributes: {
        title: `updated task <b>#${index}: Refactor the login form validation</b> on <b>Intranet</b>`,
        excerpt:
          'Ana Kovač: We should check the validation on the server too, then ship it. '.repeat(4),
        target_type: 'task',
        last_action_at: '2026-11-30T10:00:00.000+01:00',
        read: index % 3 === 0,
      },
      relationships: { actor: { data: { type: 'people', id: String(100 + (index % 40)) } } },
    })),
    meta: { current_page: 1, total_pages: 10, total_count: 2000 },
  };
}

describe('scrubbing the token', () => {
  it('replaces every form docs/operating.md names, in any letter case, keys included', () => {
    const base64 = Buffer.from(TOKEN).toString('base64');
    const inside = Buffer.from(`Basic user:${TOKEN}`).toString('base64');
    const urlSafe = Buffer.from(`x${TOKEN}??`).toString('base64url');
    const forms = [
      TOKEN,
      TOKEN.toUpperCase(),
      encodeURIComponent(TOKEN).replace(/[a-z]/g, (char) => `%${char.charCodeAt(0).toString(16)}`),
      [...TOKEN].join('\u200b'),
      [...TOKEN].join('\ufeff\u2060'),
      base64,
      inside,
      urlSafe,
    ];
    const answer = Object.fromEntries(
      forms.map((form, index) => [`k${index}`, `before ${form} after`]),
    );
    answer[TOKEN] = 'a key';
    const text = scrubbedJson(answer, TOKEN) as string;
    const parsed = JSON.parse(text) as Record<string, string>;
    expect(parsed[REDACTED]).toBe('a key');
    expect(parsed.k0).toBe(`before ${REDACTED} after`);
    expect(parsed.k1).toBe(`before ${REDACTED} after`);
    expect(parsed.k2).toBe(`before ${REDACTED} after`);
    expect(parsed.k3).toBe(`before ${REDACTED} after`);
    expect(parsed.k4).toBe(`before ${REDACTED} after`);
    expect(parsed.k5).toContain(REDACTED);
    expect(parsed.k6).toContain(REDACTED);
    expect(parsed.k7).toContain(REDACTED);
    for (const value of Object.values(parsed)) {
      expect(value).not.toContain(base64.slice(4, 40));
      expect(value.toLowerCase()).not.toContain(TOKEN.slice(4));
    }
    expect(scrubText(`x-limit ${TOKEN.toUpperCase()}`, TOKEN)).toBe(`x-limit ${REDACTED}`);
  });

  it('keeps a document valid when the token holds quotes and backslashes', () => {
    const token = 'pat-"quoted"\\and\\slashed-0123456789';
    const text = scrubbedJson({ a: `x${token}y`, b: ['"', '\\'], c: 'pat-' }, token) as string;
    expect(JSON.parse(text)).toEqual({ a: `x${REDACTED}y`, b: ['"', '\\'], c: 'pat-' });
    // A token made of JSON's structure cannot reach across strings.
    const structural = '","';
    expect(JSON.parse(scrubbedJson({ a: 'x', b: 'y' }, structural) as string)).toEqual({
      a: 'x',
      b: 'y',
    });
  });

  it('gives up on an answer nested deeper than the stack, without overflowing (null: the proxy says 502)', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    expect(scrubbedJson(deep, TOKEN)).toBeNull();
  });

  it('scrubs a 200-row page in one pass, in a few milliseconds', () => {
    const answer = page(200);
    scrubbedJson(answer, TOKEN);
    const times: number[] = [];
    for (let round = 0; round < 15; round++) {
      const started = performance.now();
      scrubbedJson(answer, `${TOKEN}${round % 3}`);
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[7] as number;
    console.log(
      `scrubbing a 200-row page (${JSON.stringify(answer).length} characters): median ${median.toFixed(2)} ms`,
    );
    // Per string and key, with a pattern built for each, this took 41–63 ms for 50 rows.
    expect(median).toBeLessThan(25);
  });
});

describe('an upstream answer as it is passed on (scrubbedAnswer)', () => {
  const bytesOf = (text: string) => Buffer.from(text, 'utf8');
  const textOf = (answer: ReturnType<typeof scrubbedAnswer>) =>
    typeof answer === 'string'
      ? answer
      : Buffer.isBuffer(answer)
        ? answer.toString('utf8')
        : answer;

  it('passes the bytes as received when nothing needs rewriting: no copy, no re-encoding', () => {
    const bytes = bytesOf(JSON.stringify(page(50), null, 1));
    expect(scrubbedAnswer(bytes, TOKEN)).toBe(bytes);
    expect(scrubbedAnswer(bytes, '')).toBe(bytes);
  });

  it('scrubs the token written plainly, percent-encoded or split, in values and keys, and stays JSON', () => {
    const percent = [...TOKEN].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('');
    // Zero-width spaces as characters (JSON.stringify writes them as they are, no escape).
    const text = JSON.stringify({
      a: `echo ${TOKEN}!`,
      [TOKEN.toUpperCase()]: [percent, [...TOKEN].join('\u200b')],
    });
    expect(text).not.toContain('\\u');
    const answer = scrubbedAnswer(bytesOf(text), TOKEN);
    expect(typeof answer).toBe('string');
    expect(JSON.parse(answer as string)).toEqual({
      a: `echo ${REDACTED}!`,
      [REDACTED]: [REDACTED, REDACTED],
    });
  });

  it('re-serializes an answer with \\u or \\/ escapes first, so an escaped token is found', () => {
    const escaped = [...TOKEN]
      .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('');
    const unicode = scrubbedAnswer(bytesOf(`{"a":"${escaped}","b":"${escaped}"}`), TOKEN);
    expect(JSON.parse(textOf(unicode) as string)).toEqual({ a: REDACTED, b: REDACTED });
    const token = 'pat-with/slash-0123456789';
    const slashed = scrubbedAnswer(bytesOf(`{"a":"${token.replace('/', '\\/')}"}`), token);
    expect(JSON.parse(textOf(slashed) as string)).toEqual({ a: REDACTED });
  });

  it('re-serializes an answer that is not valid UTF-8 rather than pass its bytes on', () => {
    const bytes = Buffer.concat([bytesOf('{"a":"x '), Buffer.from([0xc3]), bytesOf('"}')]);
    const answer = scrubbedAnswer(bytes, TOKEN);
    expect(answer).toBe('{"a":"x \uFFFD"}');
  });

  it('keeps the document valid when the token is made of JSON’s structure', () => {
    const text = '{"a":"x","b":"y"}';
    expect(scrubbedAnswer(bytesOf(text), '","')).toEqual(bytesOf(text));
  });

  it('says NOT_JSON for anything but JSON, and TOO_DEEP where re-serializing would overflow', () => {
    expect(scrubbedAnswer(bytesOf(`<html>${TOKEN}</html>`), TOKEN)).toBe(NOT_JSON);
    expect(scrubbedAnswer(bytesOf('{"data":'), TOKEN)).toBe(NOT_JSON);
    expect(scrubbedAnswer(bytesOf(''), TOKEN)).toBe(NOT_JSON);
    const deep = '['.repeat(200_000) + '"\\u0070"' + ']'.repeat(200_000);
    expect(scrubbedAnswer(bytesOf(deep), TOKEN)).toBe(TOO_DEEP);
    // Without escapes nothing is re-serialized: passed on as received (nothing here recurses over it).
    const plainDeep = bytesOf('['.repeat(200_000) + ']'.repeat(200_000));
    expect(scrubbedAnswer(plainDeep, TOKEN)).toBe(plainDeep);
  });
});
