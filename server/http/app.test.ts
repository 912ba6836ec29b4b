import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createApp } from './app.ts';

const root = mkdtempSync(join(tmpdir(), 'inbox-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
const script = `export const rows = ${JSON.stringify('notification '.repeat(500))};`;
writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
const app = createApp({ api: new Hono(), staticRoot: root });

describe('the app server', () => {
  it('sends a policy that forbids inline script and other origins on every response', async () => {
    for (const path of ['/', '/tasks/1', '/assets/index-abc123.js', '/api/v2/nothing']) {
      const policy = (await app.request(path)).headers.get('Content-Security-Policy');
      expect(policy).toBe(CONTENT_SECURITY_POLICY);
    }
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('serves hashed assets compressed and cached for good', async () => {
    const response = await app.request('/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Cache-Control')).toContain('immutable');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 4);
    expect(gunzipSync(body).toString()).toBe(script);
  });

  it('answers a missing asset with 404, not the app page', async () => {
    const response = await app.request('/assets/missing-123.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('Cache-Control')).toBeNull();
  });
});
