import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { PublicSession } from '../auth/routes.ts';
import { createApp } from './app.ts';

const staticRoot = mkdtempSync(join(tmpdir(), 'inbox-page-'));
writeFileSync(
  join(staticRoot, 'index.html'),
  '<!doctype html>\n<html>\n  <head>\n    <title>Inbox</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
);

const EVE = "Eve $` $& $' $$ $1 O'Brien";
const session: PublicSession = {
  mode: 'team',
  signedIn: true,
  scope: 'team:4242:7',
  person: { id: '7', name: EVE },
  organization: { id: '4242', name: "Acme $' & <Sons>" },
};

function appWith(seen: string[] = []) {
  const api = new Hono();
  api.all('*', (c) => {
    seen.push(`${c.req.method} ${c.req.path}`);
    return c.json({ data: [] });
  });
  const inbox = new Hono();
  inbox.all('*', (c) => {
    seen.push(`${c.req.method} ${c.req.path}`);
    return c.json({ data: [] });
  });
  return createApp({ api, inbox, staticRoot, pageSession: () => session });
}

const metaOf = (html: string) => {
  const content = /<meta name="inbox-session" content="([^"]*)"/.exec(html)?.[1] ?? '';
  return content
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
};

describe('the page', () => {
  it('carries a session whose names hold $ patterns exactly, once, with nothing stray', async () => {
    const html = await (await appWith().request('/inbox')).text();
    expect(JSON.parse(metaOf(html))).toEqual(session);
    expect(html.match(/<head>/g)).toHaveLength(1);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/inbox-session/g)).toHaveLength(1);
    expect(html).toMatch(/<\/head>\n {2}<body>/);
  });

  it('is the same page at /index.html: with its session, never stored', async () => {
    const response = await appWith().request('/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(metaOf(await response.text()))).toEqual(session);
  });
});

describe('/api from other sites', () => {
  it('refuses what the browser marks as another site’s, or as an image or script, before any handler', async () => {
    const seen: string[] = [];
    const app = appWith(seen);
    const refused: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Mode': 'no-cors' },
      { 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors' },
      {
        'Sec-Fetch-Site': 'cross-site',
        'Sec-Fetch-Dest': 'document',
        'Sec-Fetch-Mode': 'navigate',
      },
      { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Dest': 'script' },
    ];
    for (const path of ['/api/v2/notifications?page[size]=200', '/api/inbox/snoozes', '/api']) {
      for (const headers of refused) {
        const response = await app.request(path, { headers });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.json()).toMatchObject({
          errors: [{ status: '403', code: 'cross_site_request' }],
        });
      }
    }
    expect(seen).toEqual([]);
  });

  it('answers the app’s own fetches, a typed address, and clients without fetch metadata (curl)', async () => {
    const seen: string[] = [];
    const app = appWith(seen);
    const allowed: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Dest': 'empty', 'X-Inbox-Scope': 'demo' },
      { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Dest': 'document' },
      {},
    ];
    for (const headers of allowed) {
      const response = await app.request('/api/v2/notifications', { headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
    expect(seen).toHaveLength(3);
  });
});
