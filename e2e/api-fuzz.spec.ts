import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { seededRandom } from './support/random.ts';
import { expect, test } from '@playwright/test';

const HOSTILE = [
  '',
  '-1',
  '0',
  '1.5',
  '1e3',
  '99999999999999999999999999',
  'abc',
  "' OR 1=1--",
  '1; DROP TABLE notifications',
  '1 OR 1=1',
  '") UNION SELECT * FROM people --',
  '%',
  '%00',
  '%E0%A4%A',
  '\u0000',
  'ünïcødé 🚀',
  '\u202e\u200b',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'x'.repeat(10_000),
  '[]',
  '{}',
  'null',
  'true',
];
const encode = (value: string) => encodeURIComponent(value);

const PATHS = ['notifications', 'activities', 'tasks', 'projects', 'people', 'nothing'];
const FILTERS = [
  'dismissed',
  'read',
  'important',
  'mention',
  'project_id',
  'type',
  'date_after',
  'date_before',
  'after',
  'task_id',
  'event',
  'item_type',
  'creator_id',
  'id',
  'bogus',
  'project_id][gt',
  '',
];
const ACTIONS = ['read', 'dismiss', 'undismiss', 'unread', 'delete', ''];
const CONTENT_TYPES = [
  'text/plain',
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/vnd.api+jsonx',
  '',
];
const BAD_BODIES = [
  '{',
  '{"data":',
  'not json',
  "{'single': 'quotes'}",
  `{"data":{"attributes":{"title":"${'x'.repeat(100)}"}}`.slice(0, -1),
  `[${'['.repeat(5000)}`,
  `{"a":"${'y'.repeat(200_000)}"`,
  '\u0000\u0001',
];

interface FuzzRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** 500 requests, reads with hostile parameters and writes malformed in at least one way the API checks. */
function generate(count: number): FuzzRequest[] {
  const r = seededRandom(500);
  const requests: FuzzRequest[] = [];
  while (requests.length < count) {
    const kind = r.next();
    if (kind < 0.35) {
      // Lists with hostile filters, pages, sorts and includes.
      const params: string[] = [];
      for (let i = 0, n = 1 + Math.floor(r.next() * 3); i < n; i++) {
        const which = r.next();
        if (which < 0.5) params.push(`filter[${r.pick(FILTERS)}]=${encode(r.pick(HOSTILE))}`);
        else if (which < 0.7)
          params.push(`page[${r.pick(['number', 'size', 'x'])}]=${encode(r.pick(HOSTILE))}`);
        else if (which < 0.85) params.push(`sort=${encode(r.pick(HOSTILE))}`);
        else params.push(`include=${encode(r.pick(HOSTILE))}`);
      }
      if (r.next() < 0.2)
        params.push(r.pick(['%', '%zz', 'filter', 'filter[]=1', 'page=2', '&&&']));
      requests.push({ method: 'GET', url: `/api/v2/${r.pick(PATHS)}?${params.join('&')}` });
    } else if (kind < 0.55) {
      // Records with hostile ids.
      requests.push({ method: 'GET', url: `/api/v2/${r.pick(PATHS)}/${encode(r.pick(HOSTILE))}` });
    } else if (kind < 0.85) {
      // Actions that fail for their id, content type or body (a valid id needs one of the other two wrong).
      const validId = r.next() < 0.6;
      const id = validId ? String(1 + Math.floor(r.next() * 50)) : encode(r.pick(HOSTILE));
      const wrongType = !validId || r.next() < 0.5;
      requests.push({
        method: 'PATCH',
        url: `/api/v2/notifications/${id}/${r.pick(ACTIONS)}`,
        headers: {
          'Content-Type': wrongType ? r.pick(CONTENT_TYPES) : 'application/vnd.api+json',
        },
        body: wrongType && r.next() < 0.5 ? '{}' : r.pick(BAD_BODIES),
      });
    } else {
      // Methods the API does not offer.
      requests.push({
        method: r.pick(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']),
        url: `/api/v2/${r.pick(PATHS)}${r.next() < 0.5 ? `/${1 + Math.floor(r.next() * 20)}` : ''}`,
        headers: { 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'notifications', attributes: { read: true } } }),
      });
    }
  }
  return requests;
}

function databaseHash(path: string) {
  const db = new DatabaseSync(path, { readOnly: true });
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all();
  for (const { name } of tables as { name: string }[])
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
  db.close();
  return hash.digest('hex');
}

test('500 malformed API requests: never a 500, a JSON:API error for each, and the database unchanged', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const database = process.env.E2E_DB as string;
  const before = databaseHash(database);
  const requests = generate(500);
  const failures: string[] = [];
  for (const { method, url, headers, body } of requests) {
    const response = await request.fetch(url, {
      method,
      ...(headers ? { headers } : {}),
      ...(body === undefined ? {} : { data: body }),
      failOnStatusCode: false,
    });
    const status = response.status();
    const label = `${method} ${url.slice(0, 120)} → ${status}`;
    if (status >= 500) failures.push(label);
    // A list may legitimately accept an odd but valid query; nothing that writes may be accepted.
    else if (status < 400) {
      if (method !== 'GET') failures.push(`accepted: ${label}`);
    } else if (status === 431 || status === 414) {
      // Node's HTTP parser refuses an oversized request line before the app sees it: a fine answer.
    } else {
      const parsed = (await response.json().catch(() => null)) as { errors?: unknown[] } | null;
      if (!Array.isArray(parsed?.errors) || parsed.errors.length === 0)
        failures.push(`no JSON:API error: ${label}`);
    }
  }
  expect(failures).toEqual([]);
  expect(databaseHash(database)).toBe(before);

  // And the server still answers a well-formed request.
  const health = await request.get('/api/v2/notifications?page[size]=1');
  expect(health.status()).toBe(200);
});
