/**
 * npm run bench [-- --notifications N --quick]: every figure in one table. Builds nothing itself (the npm script
 * builds first), seeds a fresh database, runs the real server as its own process and measures it over HTTP and
 * in Chromium. Figures, not pass/fail: the bundle budget is enforced by `npm test` (check:bundle).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile, runClients, type LoadResult } from '../../server/bench/load.ts';
import { timeQueries } from '../../server/bench/queries.ts';
import { measureBrowser } from './browser.ts';
import { measureProxyLoad } from './proxy-load.ts';
import { INBOX_BUDGET_BYTES, kilobytes, measureDist } from './bundle.ts';

const { values } = parseArgs({
  options: {
    notifications: { type: 'string', default: '100000' },
    quick: { type: 'boolean', default: false },
  },
});
const notifications = Number(values.notifications);
const quick = values.quick;
const PORT = 4390;
const base = `http://127.0.0.1:${PORT}`;
const rows: [area: string, measure: string, value: string][] = [];
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const log = (message: string) => console.error(`… ${message}`);

// 1. Bundle.
const bundle = measureDist();
rows.push([
  'Bundle',
  'Inbox route JS before first render (gzip)',
  `${kilobytes(bundle.initialBytes)} in ${bundle.initial.length} files (budget ${kilobytes(INBOX_BUDGET_BYTES)})`,
]);
for (const chunk of bundle.lazy)
  rows.push([
    'Bundle',
    `Lazy chunk ${chunk.file.replace(/^assets\//, '')}`,
    kilobytes(chunk.gzipBytes),
  ]);

// 2. A fresh database and the real server in its own process.
const directory = mkdtempSync(join(tmpdir(), 'inbox-bench-'));
const database = join(directory, 'bench.db');
log(`seeding ${notifications.toLocaleString('en')} notifications`);
const seeded = spawnSync(
  process.execPath,
  ['server/seed-cli.ts', '--notifications', String(notifications), '--db', database],
  { stdio: 'inherit' },
);
if (seeded.status !== 0) throw new Error('Seeding failed');

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      INBOX_DB: database,
      // A benchmark, not Productive: the rate windows would only measure themselves.
      INBOX_RATE_LIMITS: 'off',
    },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    const up = await fetch(`${base}/api/v2/projects?page[size]=1`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The server did not start');
}
const server = await startServer();

try {
  // 3. Each query kind, one request at a time.
  const runs = quick ? 20 : 200;
  log(`timing each query kind (${runs} requests each)`);
  for (const { query, p50, p95 } of await timeQueries(`${base}/api/v2`, notifications, runs))
    rows.push(['Server', `${query}: p50 / p95`, `${ms(p50)} / ${ms(p95)}`]);

  // 4. Throughput of the inbox's first page with 50 concurrent clients.
  const describeLoad = (result: LoadResult) =>
    `p50 ${ms(percentile(result.latencies, 50))}, p99 ${ms(percentile(result.latencies, 99))}, ${result.errors.length} errors`;
  log('50 concurrent clients on the first page');
  const throughput = await runClients({
    base: `${base}/api/v2`,
    clients: 50,
    durationMs: quick ? 3000 : 10_000,
    path: () => '/notifications?filter[dismissed]=false&include=actor&page[size]=50',
  });
  rows.push([
    'Server',
    'Inbox first page, 50 concurrent clients',
    `${Math.round(throughput.requests / (throughput.elapsedMs / 1000))} requests/s (${describeLoad(throughput)})`,
  ]);

  // 5. 100 clients polling every second (30× the app's rate) for 30 s.
  log('100 clients polling for 30 s');
  const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
  const polling = await runClients({
    base: `${base}/api/v2`,
    clients: 100,
    durationMs: quick ? 5000 : 30_000,
    intervalMs: 1000,
    path: () =>
      `/notifications?filter[dismissed]=false&filter[after]=${since}&include=actor&page[size]=1`,
  });
  rows.push([
    'Server',
    `100 clients polling every 1 s for ${quick ? 5 : 30} s`,
    `${polling.requests} requests, ${describeLoad(polling)}`,
  ]);

  rows.push(...(await measureProxyLoad({ quick, demoApi: `${base}/api/v2`, log })));

  // 6. The browser.
  log('Chromium: cold loads, click to screen, 10,000 rows');
  const browser = await measureBrowser(base);
  rows.push([
    'Browser',
    `Cold load of / to first row painted, p50 / p95 (${browser.coldLoadMs.runs} runs)`,
    `${ms(browser.coldLoadMs.p50)} / ${ms(browser.coldLoadMs.p95)}, ${browser.coldLoadRequests} requests`,
  ]);
  for (const action of ['read', 'dismiss'] as const) {
    const { p50, p95, samples } = browser.clickToScreen[action];
    rows.push([
      'Browser',
      `Click to screen, ${action}, API held 2 s: p50 / p95 (${samples} clicks)`,
      `${ms(p50)} / ${ms(p95)}`,
    ]);
  }
  const { keyToPane, openUncached } = browser.pane;
  rows.push(
    [
      'Browser',
      `Reading pane, j to the next one's detail shown, from cache: p50 / p95 (${keyToPane.samples} presses)`,
      `${ms(keyToPane.p50)} / ${ms(keyToPane.p95)}`,
    ],
    [
      'Browser',
      `Reading pane, click on one not cached to its first activity shown: p50 / p95 (${openUncached.samples} opens)`,
      `${ms(openUncached.p50)} / ${ms(openUncached.p95)}`,
    ],
  );
  const { scroll } = browser;
  rows.push(
    ['Browser', 'Notifications loaded for the scroll test', scroll.loaded.toLocaleString('en')],
    ['Browser', 'Most rows in the DOM while scrolling', String(scroll.maxRowsInDom)],
    [
      'Browser',
      `Long tasks > 50 ms scrolling top to bottom (${scroll.scrollSeconds.toFixed(1)} s)`,
      `${scroll.longTasks} (longest ${ms(scroll.longestTaskMs)})`,
    ],
    ['Browser', 'JS heap after GC with 10,000 loaded', `${scroll.heapMb.toFixed(1)} MB`],
  );
} finally {
  server.kill('SIGTERM');
  rmSync(directory, { recursive: true, force: true });
}

console.log(
  `\nProductive inbox benchmarks: ${notifications.toLocaleString('en')} notifications, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| Area | Measure | Value |\n| --- | --- | --- |');
for (const [area, measure, value] of rows) console.log(`| ${area} | ${measure} | ${value} |`);
