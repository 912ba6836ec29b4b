import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { PublicSession } from '../auth/routes.ts';
import { createApp } from './app.ts';
import {
  FIRST_PAGE_PATH,
  FIRST_PAINT_END,
  FIRST_PAINT_ROWS,
  FIRST_PAINT_SLOT,
  FIRST_PAINT_START,
  renderFirstPaint,
} from './first-paint.ts';

const notification = (id: number, title: string, read = false) => ({
  id: String(id),
  type: 'notifications',
  attributes: {
    title,
    read,
    target_type: 'task',
    target_label: '',
    parent_title: 'Website',
    excerpt: 'An excerpt',
  },
  relationships: { actor: { data: { id: '7', type: 'people' } } },
});
const person = { id: '7', type: 'people', attributes: { first_name: 'Ana', last_name: 'Horvat' } };
const list = (count: number, title = (id: number) => `Task <b>${id}</b> changed`) => ({
  data: Array.from({ length: count }, (_, index) => notification(index + 1, title(index + 1))),
  included: [person],
  meta: { total_count: count },
});

const rowsIn = (html: string) => html.split('data-testid="first-paint-row"').length - 1;

describe('the first rows written into the page', () => {
  it('lays out the first rows as text, with their JSON beside them', () => {
    const html = renderFirstPaint(list(50));
    expect(html.startsWith(FIRST_PAINT_START)).toBe(true);
    expect(html.endsWith(FIRST_PAINT_END)).toBe(true);
    expect(rowsIn(html)).toBe(FIRST_PAINT_ROWS);
    expect(html).toContain('Ana Horvat </span>Task 1 changed');
    expect(html).toContain('>Website</span>');
    // Inert, so that nothing in it can be focused or clicked; the app is hidden under it.
    expect(html).toMatch(/<div id="first-paint" inert /);
    expect(html).toContain('<style>#root{visibility:hidden}</style>');
    const json = /<script type="application\/json" id="inbox-first-page">(.*)<\/script>/.exec(html);
    expect(JSON.parse(json?.[1] ?? '')).toEqual(list(50));
  });

  it('writes the API’s strings only as escaped text, and nothing in the JSON can end its element', () => {
    const hostile = '<img src=x onerror=alert(1)></script><!-- &lt;b&gt; "quoted" \'single\'';
    const body = list(1, () => hostile);
    body.included[0] = { ...person, attributes: { first_name: '<script>', last_name: 'x' } };
    const html = renderFirstPaint(body);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script>|<!-- /);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;');
    // A character reference in the title is read, then written escaped: the text shows "<b>", never a tag.
    expect(html).toContain('&lt;b&gt; &quot;quoted&quot; &#39;single&#39;');
    expect(html).toContain('&lt;script&gt; x');
    const json = /id="inbox-first-page">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(body);
  });

  it('writes nothing for an answer that is no list, or an empty one', () => {
    for (const body of [null, 'text', [], { data: {} }, { errors: [] }, { data: [] }, list(0)])
      expect(renderFirstPaint(body)).toBe('');
  });

  it('takes linear time on a huge hostile title', () => {
    const started = performance.now();
    renderFirstPaint(list(1, () => `${'<b '.repeat(20_000)}&#${'1'.repeat(20_000)}`));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('the page with its first rows', () => {
  const root = mkdtempSync(join(tmpdir(), 'inbox-first-paint-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><head></head><body><div id="root"></div>${FIRST_PAINT_SLOT}</body>`,
  );
  const signedIn: PublicSession = {
    mode: 'team',
    signedIn: true,
    scope: 'team:1:2',
    person: { id: '2', name: 'Ana' },
    organization: { id: '1', name: 'Org' },
  };
  const asked: { url: string; cookie: string | null }[] = [];
  const api = new Hono();
  api.get('/notifications', (c) => {
    asked.push({
      url: c.req.url.slice(c.req.url.indexOf('/notifications')),
      cookie: c.req.header('cookie') ?? null,
    });
    return c.json(list(50));
  });
  const appWith = (session: PublicSession, theApi = api) =>
    createApp({ api: theApi, staticRoot: root, pageSession: () => session });
  const navigation = {
    'Sec-Fetch-Mode': 'navigate',
    'Sec-Fetch-Dest': 'document',
    Cookie: 'inbox_session=abc',
    'Accept-Encoding': 'gzip',
  };
  const page = async (response: Response) =>
    response.headers.get('Content-Encoding') === 'gzip'
      ? gunzipSync(Buffer.from(await response.arrayBuffer())).toString()
      : response.text();

  it('carries the Inbox view’s first rows for a signed-in navigation, asked as the app asks, never stored', async () => {
    asked.length = 0;
    const response = await appWith(signedIn).request('/', { headers: navigation });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    const html = await page(response);
    expect(rowsIn(html)).toBe(FIRST_PAINT_ROWS);
    expect(html).toContain(`<div id="root"></div>${FIRST_PAINT_START}`);
    expect(html).not.toContain(FIRST_PAINT_SLOT);
    expect(asked).toEqual([{ url: FIRST_PAGE_PATH, cookie: 'inbox_session=abc' }]);
  });

  it('leaves them out for the service worker’s or the app’s own copy, another address, or no session', async () => {
    const cases: [PublicSession, string, Record<string, string>][] = [
      [signedIn, '/', { 'Sec-Fetch-Mode': 'same-origin', 'Sec-Fetch-Dest': 'empty' }],
      [signedIn, '/?type=task', navigation],
      [signedIn, '/important', navigation],
      [{ ...signedIn, signedIn: false, scope: null, person: null }, '/', navigation],
    ];
    for (const [session, path, headers] of cases) {
      const html = await page(await appWith(session).request(path, { headers }));
      expect(html).toContain('<div id="root">');
      expect(html).not.toContain('first-paint-row');
    }
  });

  it('carries them for the service worker’s copy of the Inbox page (same origin, asked by name), and only then', async () => {
    const copy = {
      'Sec-Fetch-Mode': 'same-origin',
      'Sec-Fetch-Dest': 'empty',
      'Sec-Fetch-Site': 'same-origin',
      'X-Inbox-Copy': 'first-paint',
      Cookie: 'inbox_session=abc',
    };
    const html = await page(await appWith(signedIn).request('/', { headers: copy }));
    expect(rowsIn(html)).toBe(FIRST_PAINT_ROWS);
    const cases: [PublicSession, string, Record<string, string>][] = [
      [signedIn, '/', { ...copy, 'Sec-Fetch-Site': 'cross-site' }],
      [signedIn, '/', { ...copy, 'X-Inbox-Copy': 'yes' }],
      [signedIn, '/mentions', copy],
      [{ ...signedIn, signedIn: false, scope: null, person: null }, '/', copy],
    ];
    for (const [session, path, headers] of cases) {
      const other = await page(await appWith(session).request(path, { headers }));
      expect(other).toContain('<div id="root">');
      expect(other).not.toContain('first-paint-row');
    }
    const { 'Sec-Fetch-Site': _site, ...unnamed } = copy;
    expect(await page(await appWith(signedIn).request('/', { headers: unnamed }))).not.toContain(
      'first-paint-row',
    );
  });

  it('writes nothing into a page without their place (the bench’s stack floor is served the same way)', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'inbox-no-slot-'));
    writeFileSync(join(plain, 'index.html'), '<!doctype html><body><div id="root"></div></body>');
    const app = createApp({ api, staticRoot: plain, pageSession: () => signedIn });
    const html = await page(await app.request('/', { headers: navigation }));
    expect(html).not.toContain('first-paint-row');
  });

  it('goes without them when the API refuses or fails', async () => {
    const failing = new Hono();
    failing.get('/notifications', (c) => c.json({ errors: [{ status: '401' }] }, 401));
    const refused = await page(
      await appWith(signedIn, failing).request('/', { headers: navigation }),
    );
    expect(refused).not.toContain('first-paint-row');
    const broken = new Hono();
    broken.get('/notifications', () => {
      throw new Error('down');
    });
    const failed = await appWith(signedIn, broken).request('/', { headers: navigation });
    expect(failed.status).toBe(200);
    expect(await page(failed)).not.toContain('first-paint-row');
  });
});
