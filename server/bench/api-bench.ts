/** npm run bench:api [-- --notifications N --runs R]: p50/p95 of each kind of API query over real HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/database.ts';
import { seedDatabase } from '../seed/generate.ts';
import { createDemoApi } from '../api/router.ts';
import { createApp } from '../http/app.ts';

const { values } = parseArgs({
  options: {
    notifications: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '200' },
  },
});
const notifications = Number(values.notifications);
const runs = Number(values.runs);

const directory = mkdtempSync(join(tmpdir(), 'inbox-bench-'));
const db = openDatabase(join(directory, 'bench.db'));
let started = performance.now();
seedDatabase(db, { seed: 1, notifications });
console.log(
  `Seeded ${notifications.toLocaleString('en')} notifications in ${Math.round(performance.now() - started)} ms`,
);

const server = serve({
  fetch: createApp({ api: createDemoApi(db) }).fetch,
  hostname: '127.0.0.1',
  port: 0,
});
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;

const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
const kinds: [string, (i: number) => string, RequestInit?][] = [
  [
    'inbox, first page (50, actor)',
    () => '/notifications?filter[dismissed]=false&include=actor&page[size]=50',
  ],
  [
    'inbox, page 40',
    () => '/notifications?filter[dismissed]=false&include=actor&page[size]=50&page[number]=40',
  ],
  ['dismissed view', () => '/notifications?filter[dismissed]=true&include=actor&page[size]=50'],
  [
    'important view',
    () => '/notifications?filter[dismissed]=false&filter[important]=true&page[size]=50',
  ],
  [
    'mentions view',
    () => '/notifications?filter[dismissed]=false&filter[mention]=true&page[size]=50',
  ],
  [
    'by project',
    (i) =>
      `/notifications?filter[dismissed]=false&filter[project_id]=${(i % 12) + 1}&page[size]=50`,
  ],
  ['by type', () => '/notifications?filter[dismissed]=false&filter[type]=todo&page[size]=50'],
  [
    'project + type + dates',
    (i) =>
      `/notifications?filter[project_id]=${(i % 12) + 1}&filter[type]=task&filter[date_after]=2026-01-01&page[size]=50`,
  ],
  [
    'poll: after newest',
    () => `/notifications?filter[after]=${encodeURIComponent(recent)}&page[size]=50`,
  ],
  ['one notification', (i) => `/notifications/${(i % notifications) + 1}`],
  [
    'PATCH read',
    (i) => `/notifications/${(i % notifications) + 1}/read`,
    { method: 'PATCH', headers: { 'Content-Type': 'application/vnd.api+json' } },
  ],
  [
    'activities of a task',
    (i) => `/activities?filter[task_id]=${(i % 600) + 1}&include=creator,comment,email,attachment`,
  ],
  ['activities, first page', () => '/activities?page[size]=50'],
  ['projects', () => '/projects?page[size]=200'],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const rows: { query: string; p50: string; p95: string }[] = [];
for (const [name, path, init] of kinds) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    const response = await fetch(`${base}${path(i)}`, init);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push({
    query: name,
    p50: `${percentile(times, 50).toFixed(2)} ms`,
    p95: `${percentile(times, 95).toFixed(2)} ms`,
  });
}
console.log(
  `\nEmbedded API, ${notifications.toLocaleString('en')} notifications, ${runs} sequential requests per kind over HTTP:`,
);
console.table(rows);

server.close();
db.close();
rmSync(directory, { recursive: true, force: true });
