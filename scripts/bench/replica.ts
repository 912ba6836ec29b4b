/**
 * The inbox's replica (src/replica/, docs/decisions/016-replica.md) in Chromium over the real server:
 * - the first sync of N notifications: time to the whole inbox held, and the requests it took;
 * - a filter change and a search to the painted list, with N held (p50/p95);
 * - reconciliations with N held: the page's longest task while the whole inbox is read again;
 * - IndexedDB's size and the page's heap with N held;
 * - the store itself: writing N records in one transaction, reading them all, and a filtered view of them.
 *
 * `node scripts/bench/replica.ts [--notifications 20000] [--runs 15]` seeds its own database and server (after
 * `npm run build`); `npm run bench` runs it too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { percentile } from '../../server/bench/load.ts';
import { chromiumLaunchOptions } from '../chromium.ts';

export interface ReplicaFigures {
  notifications: number;
  firstSyncMs: number;
  firstSyncRequests: number;
  filterToPaint: { p50: number; p95: number; runs: number };
  searchToPaint: { p50: number; p95: number; runs: number };
  /** Real key presses to the next paint (Event Timing, as INP): p50/p95, and how many painted within a frame. */
  filterInput: { p50: number; p95: number; runs: number; under: number };
  searchInput: { p50: number; p95: number; runs: number; under: number };
  /** To the list updated in the DOM (the app's work), before the frame that paints it. */
  filterToUpdate: { p50: number; p95: number; runs: number };
  searchToUpdate: { p50: number; p95: number; runs: number };
  /** Reconciliations (the whole inbox read again) with N held: the page's longest task, and long tasks' total. */
  reconciliation: { count: number; longestTaskMs: number; longTasksMs: number };
  indexedDbBytes: number;
  heapBytes: number;
  store: { writeMs: number; readAllMs: number; filteredViewMs: number };
}

const SUMMARY = '[data-testid="list-summary"]';

/**
 * Milliseconds from an input's change to the list updated in the DOM, and to the frame after it has repainted.
 * Each change waits for the last one's work to settle (500 ms), as a person's next keystroke or click would.
 */
export async function changeToPaint(
  page: Page,
  selector: string,
  values: string[],
): Promise<{ update: number[]; paint: number[] }> {
  return page.evaluate(
    async ({ selector, values }) => {
      const element = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (!element) throw new Error(`No ${selector}`);
      const prototype =
        element instanceof HTMLSelectElement
          ? HTMLSelectElement.prototype
          : HTMLInputElement.prototype;
      const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
      const times: number[] = [];
      const updates: number[] = [];
      for (const value of values) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const summary = document.querySelector('[data-testid="list-summary"]')?.textContent;
        const start = performance.now();
        setValue?.call(element, value);
        element.dispatchEvent(
          new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
        );
        // Until the header's count changed (the list re-rendered), then the frame that paints it.
        while (document.querySelector('[data-testid="list-summary"]')?.textContent === summary) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (performance.now() - start > 5000) break;
        }
        updates.push(performance.now() - start);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        times.push(performance.now() - start);
      }
      return { update: updates, paint: times };
    },
    { selector, values },
  );
}

/**
 * Input to the next paint as the browser measures it for INP (Event Timing): real key presses through the
 * DevTools protocol (the read-state select's arrows, the search box's letters and Backspace), each 300 ms after the
 * last. The API reports only events of 16 ms or more: an interaction without an entry painted within one frame, and
 * counts as 0 in the percentiles. Durations are rounded to 8 ms by the browser.
 */
export async function inputToPaint(
  page: Page,
  presses: { selector: string; keys: string[] },
): Promise<{ durations: number[]; underOneFrame: number }> {
  await page.evaluate(() => {
    const entries: { id: number; duration: number }[] = [];
    (window as unknown as { benchEntries: typeof entries }).benchEntries = entries;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[])
        if (entry.interactionId)
          entries.push({ id: entry.interactionId, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  await page.locator(presses.selector).focus();
  await page.waitForTimeout(1000);
  for (const key of presses.keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(500);
  const entries = await page.evaluate(
    () => (window as unknown as { benchEntries: { id: number; duration: number }[] }).benchEntries,
  );
  const byInteraction = new Map<number, number>();
  for (const { id, duration } of entries)
    byInteraction.set(id, Math.max(byInteraction.get(id) ?? 0, duration));
  const slow = [...byInteraction.values()];
  const durations = [
    ...Array<number>(Math.max(0, presses.keys.length - slow.length)).fill(0),
    ...slow,
  ];
  return { durations, underOneFrame: presses.keys.length - slow.length };
}

// `percentile` reads a sorted list.
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: values.length };
};

export async function measureReplica(base: string, runs = 15): Promise<ReplicaFigures> {
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), '--enable-precise-memory-info'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let requests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v2/notifications') requests++;
    });
    const total = (
      (await (
        await fetch(`${base}/api/v2/notifications?filter[dismissed]=false&page[size]=1`)
      ).json()) as { meta: { total_count: number } }
    ).meta.total_count;

    // 1. First sync: navigation to the whole inbox held (the header gives the count).
    const started = Date.now();
    await page.goto(`${base}/`);
    // The count is written with the locale's separators ("15,751 notifications").
    // The sidebar's unread count shows only once the first sync is complete (the header may give the server's
    // total before: src/features/inbox/components/ListHeader.tsx).
    await page.waitForFunction(
      ({ selector, total }) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        const synced = document.querySelector('[data-view="inbox"] [data-testid="unread-count"]');
        return (
          synced !== null &&
          text.endsWith(' notifications') &&
          text.replace(/\D/g, '') === String(total)
        );
      },
      { selector: SUMMARY, total },
      { timeout: 600_000, polling: 50 },
    );
    const firstSyncMs = Date.now() - started;
    const firstSyncRequests = requests;

    // 2. Filter change ("Read state") and search, each to the painted list.
    const readId = await page.getByLabel('Read state').getAttribute('id');
    const filterToPaint = await changeToPaint(
      page,
      `#${CSS_escape(readId ?? '')}`,
      Array.from({ length: runs }, (_, index) => ['unread', 'read', ''][index % 3] as string),
    );
    const searchId = await page
      .getByRole('searchbox', { name: 'Search notifications' })
      .getAttribute('id');
    const words = ['login', 'client', 'review', 'invoice', 'design'];
    const searchToPaint = await changeToPaint(
      page,
      `#${CSS_escape(searchId ?? '')}`,
      Array.from({ length: runs }, (_, index) =>
        index % 2 ? '' : (words[index % words.length] as string),
      ),
    );

    // 2b. The same, as INP measures it: real key presses, input to the next paint.
    const filterInput = await inputToPaint(page, {
      selector: `#${CSS_escape(readId ?? '')}`,
      keys: Array.from({ length: runs }, (_, index) => (index % 3 === 2 ? 'Home' : 'ArrowDown')),
    });
    const searchInput = await inputToPaint(page, {
      selector: `#${CSS_escape(searchId ?? '')}`,
      keys: ['login', 'client', 'review'].flatMap((word) => [
        ...word,
        ...Array<string>(word.length).fill('Backspace'),
      ]),
    });

    // 3. What the device holds: IndexedDB's usage, and the page's heap after a collection.
    const indexedDbBytes = await page.evaluate(
      async () => (await navigator.storage.estimate()).usage ?? 0,
    );
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };

    // 4. The store itself, as the replica uses IndexedDB: read all, write all in one transaction, filter a view.
    const store = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).flatMap((info) => info.name ?? []);
      const name = names.find((candidate) => candidate.startsWith('inbox.replica:'));
      if (!name) throw new Error('No replica database');
      const open = (databaseName: string, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(databaseName, 1);
          if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        });
      const db = await open(name);
      let start = performance.now();
      const records = await new Promise<
        { dismissed: boolean; read: boolean; important: boolean }[]
      >((resolve, reject) => {
        const request = db.transaction('notifications').objectStore('notifications').getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      const readAllMs = performance.now() - start;
      start = performance.now();
      const view = records.filter(
        (record) => !record.dismissed && !record.read && record.important,
      );
      const filteredViewMs = performance.now() - start;
      const copy = await open('bench.replica-copy', (target) =>
        target.createObjectStore('notifications', { keyPath: 'id' }),
      );
      start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const transaction = copy.transaction('notifications', 'readwrite');
        const objects = transaction.objectStore('notifications');
        for (const record of records) objects.put(record);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
      });
      const writeMs = performance.now() - start;
      copy.close();
      db.close();
      indexedDB.deleteDatabase('bench.replica-copy');
      return { writeMs, readAllMs, filteredViewMs, viewSize: view.length };
    });

    // 5. Reconciliations, every 2 s for 20 s (the sync's setting, as the tests shorten it; last, since the page
    // keeps it until it is reloaded): the page's long tasks (over 50 ms) while the whole inbox is read again and
    // compared with what is held.
    await page.evaluate(() =>
      localStorage.setItem(
        'inbox-settings.sync',
        JSON.stringify({ pollMs: 600_000, reconcileMs: 2_000 }),
      ),
    );
    await page.reload();
    await page.waitForSelector('[data-view="inbox"] [data-testid="unread-count"]', {
      timeout: 600_000,
    });
    await page.waitForTimeout(3000);
    let reconciliations = 0;
    const countReconciliations = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (
        url.pathname === '/api/v2/notifications' &&
        url.searchParams.get('filter[dismissed]') === 'false' &&
        url.searchParams.get('page[number]') === '1'
      )
        reconciliations++;
    };
    page.on('request', countReconciliations);
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { benchLongTasks: number[] }).benchLongTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    let lastRequest = Date.now();
    const noteRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === '/api/v2/notifications') lastRequest = Date.now();
    };
    page.on('request', noteRequest);
    await page.waitForTimeout(20_000);
    page.off('request', countReconciliations);
    // The one under way finishes inside the count: a reconciliation's requests come back to back, the next one
    // starts 2 s after it ended.
    while (Date.now() - lastRequest < 1500) await page.waitForTimeout(100);
    page.off('request', noteRequest);
    const longTasks = await page.evaluate(
      () => (window as unknown as { benchLongTasks: number[] }).benchLongTasks,
    );
    await page.evaluate(() => localStorage.removeItem('inbox-settings.sync'));
    const reconciliation = {
      count: reconciliations,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasksMs: longTasks.reduce((sum, duration) => sum + duration, 0),
    };

    return {
      notifications: total,
      firstSyncMs,
      firstSyncRequests,
      filterToPaint: stats(filterToPaint.paint),
      searchToPaint: stats(searchToPaint.paint),
      filterInput: { ...stats(filterInput.durations), under: filterInput.underOneFrame },
      searchInput: { ...stats(searchInput.durations), under: searchInput.underOneFrame },
      filterToUpdate: stats(filterToPaint.update),
      searchToUpdate: stats(searchToPaint.update),
      reconciliation,
      indexedDbBytes,
      heapBytes: heap.usedSize,
      store: {
        writeMs: store.writeMs,
        readAllMs: store.readAllMs,
        filteredViewMs: store.filteredViewMs,
      },
    };
  } finally {
    await browser.close();
  }
}

/** An id as a CSS selector (React's useId gives `«r1»`-like ids). */
function CSS_escape(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, (char) => `\\${char.codePointAt(0)?.toString(16)} `);
}

export function replicaRows(figures: ReplicaFigures): [string, string, string][] {
  const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const n = figures.notifications.toLocaleString('en');
  return [
    [
      'Replica',
      `First sync of ${n} (time / requests)`,
      `${ms(figures.firstSyncMs)} / ${figures.firstSyncRequests}`,
    ],
    [
      'Replica',
      `Filter change to painted list, ${n} held (p50 / p95, ${figures.filterToPaint.runs} runs)`,
      `${ms(figures.filterToPaint.p50)} / ${ms(figures.filterToPaint.p95)}`,
    ],
    [
      'Replica',
      `Search to painted list, ${n} held (p50 / p95, ${figures.searchToPaint.runs} runs)`,
      `${ms(figures.searchToPaint.p50)} / ${ms(figures.searchToPaint.p95)}`,
    ],
    [
      'Replica',
      `Filter change / search to the list updated in the DOM, before its frame (p50 / p95)`,
      `${ms(figures.filterToUpdate.p50)} / ${ms(figures.filterToUpdate.p95)}; ${ms(figures.searchToUpdate.p50)} / ${ms(figures.searchToUpdate.p95)}`,
    ],
    [
      'Replica',
      `Filter change / search keystroke, input to next paint as INP measures it (Event Timing, real keys; p50 / p95, painted within a frame)`,
      `${ms(figures.filterInput.p50)} / ${ms(figures.filterInput.p95)}, ${figures.filterInput.under} of ${figures.filterInput.runs}; ${ms(figures.searchInput.p50)} / ${ms(figures.searchInput.p95)}, ${figures.searchInput.under} of ${figures.searchInput.runs}`,
    ],
    [
      'Replica',
      `Reconciliation with ${n} held: the page's longest task / its long tasks' total, per reconciliation (${figures.reconciliation.count} in 20 s)`,
      figures.reconciliation.count === 0
        ? 'none ran'
        : figures.reconciliation.longestTaskMs === 0
          ? 'no task over 50 ms'
          : `${ms(figures.reconciliation.longestTaskMs)} / ${ms(figures.reconciliation.longTasksMs / figures.reconciliation.count)}`,
    ],
    ['Replica', `IndexedDB usage with ${n} held`, mb(figures.indexedDbBytes)],
    ['Replica', `JS heap with ${n} held (after GC)`, mb(figures.heapBytes)],
    [
      'Replica',
      `IndexedDB: write ${n} in one transaction / read all / filter a view`,
      `${ms(figures.store.writeMs)} / ${ms(figures.store.readAllMs)} / ${ms(figures.store.filteredViewMs)}`,
    ],
  ];
}

// Standalone: its own database and server.
if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      notifications: { type: 'string', default: '20000' },
      runs: { type: 'string', default: '15' },
    },
  });
  const port = Number(process.env.BENCH_PORT ?? 4395);
  const directory = mkdtempSync(join(tmpdir(), 'inbox-replica-bench-'));
  const database = join(directory, 'bench.db');
  const seeded = spawnSync(
    process.execPath,
    ['server/seed-cli.ts', '--notifications', values.notifications, '--db', database],
    { stdio: 'inherit' },
  );
  if (seeded.status !== 0) throw new Error('Seeding failed');
  const server = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      INBOX_DB: database,
      INBOX_DATA_DIR: join(directory, 'data'),
      INBOX_RATE_LIMITS: 'off',
    },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
      const up = await fetch(`${base}/api/v2/projects?page[size]=1`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) break;
      if (attempt > 300) throw new Error('The server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const figures = await measureReplica(base, Number(values.runs));
    for (const [area, measure, value] of replicaRows(figures))
      console.log(`| ${area} | ${measure} | ${value} |`);
  } finally {
    server.kill('SIGTERM');
  }
}
