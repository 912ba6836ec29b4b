/**
 * npm run bench [-- --notifications N --quick --runs N --first-rows-only]: every figure in one table, also written
 * to docs/performance.md. The npm script builds the app first; this builds the stack floor (scripts/bench/floor/),
 * seeds a fresh database, runs the real server as its own process twice (the app, and the floor's page over the
 * same API) and measures them over HTTP and in Chromium. Figures, not pass/fail: the bytes ratio is enforced by
 * `npm test` (check:bundle).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile, runClients, type LoadResult } from '../../server/bench/load.ts';
import { timeQueries } from '../../server/bench/queries.ts';
import { measureBrowser } from './browser.ts';
import { measureProxyLoad } from './proxy-load.ts';
import { kilobytes, MAX_FLOOR_RATIO, measureDist } from './bundle.ts';
import { measureFirstRows, PHONE, type Stats } from './first-row.ts';
import { buildFloor } from './floor.ts';

const { values } = parseArgs({
  options: {
    notifications: { type: 'string', default: '100000' },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    'first-rows-only': { type: 'boolean', default: false },
  },
});
const notifications = Number(values.notifications);
const quick = values.quick;
const firstRowsOnly = values['first-rows-only'];
const firstRowRuns = Number(values.runs);
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const FLOOR_PORT = PORT + 1;
const base = `http://127.0.0.1:${PORT}`;
const floorBase = `http://127.0.0.1:${FLOOR_PORT}`;
const rows: [area: string, measure: string, value: string][] = [];
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const log = (message: string) => console.error(`… ${message}`);

// 1. Bundle: the app's initial JavaScript beside the floor's.
const directory = mkdtempSync(join(tmpdir(), 'inbox-bench-'));
log('building the stack floor');
const floorDist = await buildFloor(join(directory, 'floor'));
const bundle = measureDist();
const floorBundle = measureDist(floorDist);
const bytesRatio = bundle.initialBytes / floorBundle.initialBytes;
rows.push(
  [
    'Bundle',
    'Initial JS (the page’s scripts and modulepreloads, gzip): app / floor',
    `${kilobytes(bundle.initialBytes)} in ${bundle.initial.length} files / ${kilobytes(floorBundle.initialBytes)} in ${floorBundle.initial.length}`,
  ],
  [
    'Bundle',
    'Initial JS ratio, app ÷ floor (check:bundle: at most 1.5×)',
    `${bytesRatio.toFixed(2)}× (limit ${MAX_FLOOR_RATIO}×)`,
  ],
);
for (const chunk of bundle.lazy)
  rows.push([
    'Bundle',
    `Lazy chunk ${chunk.file.replace(/^assets\//, '')}`,
    kilobytes(chunk.gzipBytes),
  ]);

// 2. A fresh database and the real server in its own process: the app's, and one serving the floor's page.
const database = join(directory, 'bench.db');
log(`seeding ${notifications.toLocaleString('en')} notifications`);
const seeded = spawnSync(
  process.execPath,
  ['server/seed-cli.ts', '--notifications', String(notifications), '--db', database],
  { stdio: 'inherit' },
);
if (seeded.status !== 0) throw new Error('Seeding failed');

async function startServer(port: number, staticRoot: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      INBOX_DB: database,
      INBOX_STATIC_ROOT: staticRoot,
      INBOX_DATA_DIR: join(directory, `data-${port}`),
      // A benchmark, not Productive: the rate windows would only measure themselves.
      INBOX_RATE_LIMITS: 'off',
    },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/v2/projects?page[size]=1`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The server did not start');
}
const server = await startServer(PORT, 'dist');
const floorServer = await startServer(FLOOR_PORT, floorDist);
const ratioOf = (app: Stats, floor: Stats) => `${(app.p50 / floor.p50).toFixed(2)}×`;

try {
  // 3. First row on a phone, the app beside the floor.
  log(
    `Chromium on a phone profile: first row, app and floor, cold and warm (${firstRowRuns} runs)`,
  );
  const first = await measureFirstRows(base, floorBase, firstRowRuns);
  const phone = `${PHONE.latencyMs} ms RTT, ${PHONE.downloadBitsPerSecond / 1e6} Mbps, CPU ${PHONE.cpuSlowdown}× slower`;
  rows.push(
    [
      'First row',
      `Cold, p50 / p95: app / floor (${phone}; ${first.runs} runs)`,
      `${ms(first.app.cold.p50)} / ${ms(first.app.cold.p95)}; ${ms(first.floor.cold.p50)} / ${ms(first.floor.cold.p95)}`,
    ],
    [
      'First row',
      'Cold ratio, app ÷ floor, p50 (goal ≤ 0.8×)',
      ratioOf(first.app.cold, first.floor.cold),
    ],
    [
      'First row',
      'Warm (second visit), p50 / p95: app / floor',
      `${ms(first.app.warm.p50)} / ${ms(first.app.warm.p95)}; ${ms(first.floor.warm.p50)} / ${ms(first.floor.warm.p95)}`,
    ],
    [
      'First row',
      'Warm ratio, app ÷ floor, p50 (goal ≤ 0.4×)',
      ratioOf(first.app.warm, first.floor.warm),
    ],
    [
      'First row',
      'App’s own first row (React’s, usable), cold / warm, p50 / p95',
      `${ms(first.app.coldUsable.p50)} / ${ms(first.app.coldUsable.p95)}; ${ms(first.app.warmUsable.p50)} / ${ms(first.app.warmUsable.p95)}`,
    ],
    [
      'First row',
      'App’s own first row ÷ floor’s first row, p50, cold / warm',
      `${ratioOf(first.app.coldUsable, first.floor.cold)} / ${ratioOf(first.app.warmUsable, first.floor.warm)}`,
    ],
  );
  // (--first-rows-only: nothing more.)
  if (!firstRowsOnly) {
    // 4. Each query kind, one request at a time.
    const runs = quick ? 20 : 200;
    log(`timing each query kind (${runs} requests each)`);
    for (const { query, p50, p95 } of await timeQueries(`${base}/api/v2`, notifications, runs))
      rows.push(['Server', `${query}: p50 / p95`, `${ms(p50)} / ${ms(p95)}`]);

    // 5. Throughput of the inbox's first page with 50 concurrent clients.
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

    // 6. 100 clients polling every second (30× the app's rate) for 30 s.
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

    // 7. The browser (no throttling).
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
  }
} finally {
  server.kill('SIGTERM');
  floorServer.kill('SIGTERM');
  rmSync(directory, { recursive: true, force: true });
}

// 6. The replica (scripts/bench/replica.ts): over a database of its own with 20,000 notifications.
if (!firstRowsOnly) {
  log(
    'the replica: first sync, filter and search to paint, IndexedDB and heap (20,000 notifications)',
  );
  const replica = spawnSync(
    process.execPath,
    ['scripts/bench/replica.ts', '--notifications', '20000', '--runs', quick ? '7' : '15'],
    { encoding: 'utf8', env: { ...process.env, BENCH_PORT: String(PORT + 5) } },
  );
  for (const line of replica.stdout.split('\n')) {
    const cells = /^\| (Replica) \| (.+) \| (.+) \|$/.exec(line);
    if (cells) rows.push([cells[1] as string, cells[2] as string, cells[3] as string]);
  }
  if (replica.status !== 0) rows.push(['Replica', 'Not measured', 'the replica bench failed']);
}

const heading = `Productive inbox benchmarks: ${notifications.toLocaleString('en')} notifications, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (--quick)' : ''}${firstRowsOnly ? ' (--first-rows-only)' : ''}`;
const table = [
  '| Area | Measure | Value |',
  '| --- | --- | --- |',
  ...rows.map(([area, measure, value]) => `| ${area} | ${measure} | ${value} |`),
].join('\n');
console.log(`\n${heading}\n\n${table}`);
writeFileSync(
  'docs/performance.md',
  `# Performance

Written by \`npm run bench\` (scripts/bench/run.ts); run it again to update. ${heading}.

**The stack floor** (scripts/bench/floor/) is the smallest inbox on the same packages (React, React Query,
react-router's data router, Tailwind, Vite): 50 rows from the same API, served by the same server. **First row** is
from navigation start to the frame that paints the first notification row, in Chromium on a phone profile (150 ms
round trip, 1.6 Mbps down, the CPU 4× slower through the DevTools protocol), cold (a new profile) and warm (its
second visit, once the first has settled: the app's service worker then holds its copy of the Inbox page), the app
and the floor taking turns. The app's first row is the one the server writes into the page (warm: the worker's
copy of it), painted before any script runs but not yet usable (no links or controls; docs/decisions/019); the app's own rows,
which replace it, are measured too. **Initial JS** is what the page loads before anything runs:
its module scripts and modulepreloads, gzip. \`npm run check:bundle\` fails when the app's is over 1.5× the floor's.

${table}

How the other figures are taken (\`scripts/bench/\`, \`server/bench/\`):

- Server: each query kind 200 times in a row over HTTP (20 with \`--quick\`). Throughput: 50 keep-alive clients each
  sending the inbox's first page as soon as the last one is answered, for 10 s, with the load generator on the same
  2 cores. Polling: 100 clients, each asking for what is new every second (30× the app's rate) for 30 s.
- Team mode through the proxy: 150 clients polling the inbox through the server in team mode, each with its own
  session, against the local stand-in for Productive; beside the stand-in alone and demo mode. Each load is warmed
  up before it is counted; the stand-in alone and through the proxy take turns in three rounds, pooled; CPU per
  request is each process's user + system time over the counted requests.
- Reading pane (1440 × 900, \`/?type=task\`): \`j\` with the pane open, from the key event's time stamp to a
  MutationObserver seeing the next notification's entries in the pane; and a click on a notification never
  prefetched to its first activity in the DOM.
- Browser (no throttling): cold load is a new browser context per run (no cache, no service worker) from navigation
  to the frame after the first row is in the DOM. Click to screen is measured in the page, from the click event's
  time stamp to the MutationObserver callback that sees the row change, with every action request held 2 s. The
  scroll test loads 10,000 notifications, then scrolls top to bottom one viewport per frame while a
  PerformanceObserver counts long tasks; the heap is measured after a forced GC.
- The replica's store (not part of \`npm run bench\`): \`node scripts/bench/replica-stores.ts\` (5 runs of 20,000 and
  2,000) times our IndexedDB wrapper, Dexie, idb and TanStack DB's IndexedDB collection on the replica's own
  operations in Chromium (medians; table and choice in docs/decisions/016-replica.md, "Store").
`,
);
console.error('… written to docs/performance.md (format it with prettier before committing)');
