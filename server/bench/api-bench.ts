/** npm run bench:api [-- --notifications N --runs R]: p50/p95 of each kind of API query over real HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.ts';
import { seedDatabase } from '../seed/generate.ts';
import { createDemoApi } from '../api/router.ts';
import { createApp } from '../http/app.ts';
import { listenOnFreePort } from '../http/listen.ts';
import { timeQueries } from './queries.ts';

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
const started = performance.now();
seedDatabase(db, { seed: 1, notifications });
console.log(
  `Seeded ${notifications.toLocaleString('en')} notifications in ${Math.round(performance.now() - started)} ms`,
);

const server = await listenOnFreePort(createApp({ api: createDemoApi(db) }));
const base = `${server.origin}/api/v2`;

const timings = await timeQueries(base, notifications, runs);
console.log(
  `\nEmbedded API, ${notifications.toLocaleString('en')} notifications, ${runs} sequential requests per kind over HTTP:`,
);
console.table(
  timings.map(({ query, p50, p95 }) => ({
    query,
    p50: `${p50.toFixed(2)} ms`,
    p95: `${p95.toFixed(2)} ms`,
  })),
);

server.close();
db.close();
rmSync(directory, { recursive: true, force: true });
