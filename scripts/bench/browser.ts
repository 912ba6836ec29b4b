/** What the inbox feels like in Chromium: cold load, click to screen, and a 10,000-row list. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { percentile } from '../../server/bench/load.ts';
import { chromiumLaunchOptions } from '../chromium.ts';

export interface BrowserFigures {
  coldLoadMs: { p50: number; p95: number; runs: number };
  coldLoadRequests: number;
  clickToScreen: Record<'read' | 'dismiss', { p50: number; p95: number; samples: number }>;
  pane: {
    /** j pressed to the pane showing the next notification's detail, from cache. */
    keyToPane: { p50: number; p95: number; samples: number };
    /** A click on a notification not yet cached to its first activity painted in the pane. */
    openUncached: { p50: number; p95: number; samples: number };
  };
  scroll: {
    loaded: number;
    maxRowsInDom: number;
    longTasks: number;
    longestTaskMs: number;
    heapMb: number;
    scrollSeconds: number;
  };
}

const ROW = '[data-testid="notification-row"]';
/** The app's own rows (not the ones the server writes into the page first, docs/decisions/019): usable. */
const APP_ROW = `${ROW}[data-notification-id]`;

/** Milliseconds from navigation start to the first row on screen (after the frame that paints it). */
async function coldLoad(browser: Browser, base: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript((row) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(row)) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          (window as unknown as { firstRow: number }).firstRow = performance.now();
          (window as unknown as { requestsBefore: number }).requestsBefore =
            performance.getEntriesByType('resource').length + 1;
        }),
      );
    });
    observer.observe(document, { childList: true, subtree: true });
  }, ROW);
  await page.goto(`${base}/`);
  await page.waitForFunction(() => 'firstRow' in window);
  const figures = await page.evaluate(() => ({
    ms: (window as unknown as { firstRow: number }).firstRow,
    requests: (window as unknown as { requestsBefore: number }).requestsBefore,
  }));
  await context.close();
  return figures;
}

/**
 * Click to screen with the API held back 2 s: from the click event's time stamp to the DOM change of its row
 * (read: the row's read flag; dismiss: the row gone), observed by a MutationObserver.
 */
async function clickToScreen(page: Page, action: 'read' | 'dismiss', samples: number) {
  await page.evaluate(() => {
    const clicks: number[] = [];
    (window as unknown as { clicks: number[] }).clicks = clicks;
    document.addEventListener(
      'click',
      (event) => {
        const row = (event.target as Element).closest<HTMLElement>('[data-notification-id]');
        if (!row || !(event.target as Element).closest('button')) return;
        const id = row.dataset.notificationId as string;
        const feed = document.querySelector('[role="feed"]') as HTMLElement;
        const observer = new MutationObserver(() => {
          const now = document.querySelector(`[data-notification-id="${id}"]`);
          if (now && now.getAttribute('data-read') !== 'true') return;
          clicks.push(performance.now() - event.timeStamp);
          observer.disconnect();
        });
        observer.observe(feed, { subtree: true, childList: true, attributes: true });
      },
      true,
    );
  });
  const button = action === 'read' ? /^Mark as read:/ : /^Dismiss:/;
  for (let i = 0; i < samples; i++) {
    await page.getByRole('button', { name: button }).first().click();
    await page.waitForTimeout(150);
  }
  const clicks = await page.evaluate(() => (window as unknown as { clicks: number[] }).clicks);
  clicks.sort((a, b) => a - b);
  return { p50: percentile(clicks, 50), p95: percentile(clicks, 95), samples: clicks.length };
}

const PANE = '[data-testid="reading-pane"]';
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length };
};

/**
 * The reading pane at 1440 × 900: from the key press (its event time stamp) to the pane showing the next
 * notification's detail (its entries in the DOM, seen by a MutationObserver), with the neighbours prefetched as
 * the app does; and from a click on a notification whose detail is not cached to its first activity in the DOM.
 */
async function measurePane(browser: Browser, base: string) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${base}/?type=task`);
  await page.locator(APP_ROW).first().waitFor();
  // The pane's code is loaded once (first open), then closed: neither figure includes the download.
  await page.locator(ROW).nth(0).getByRole('link').first().click();
  await page.locator(`${PANE} [data-testid="activity-entry"]`).first().waitFor();
  await page.keyboard.press('Escape');
  await page.locator(PANE).waitFor({ state: 'detached' });

  await page.evaluate((pane) => {
    const samples: number[] = [];
    (window as unknown as { paneSamples: number[] }).paneSamples = samples;
    const settle = (start: number, opening: string | null) => {
      const check = () => {
        const element = document.querySelector(pane);
        const id = element?.getAttribute('data-open-notification');
        const ready =
          element?.querySelector(
            '[data-testid="activity-entry"], [data-testid="notification-card"]',
          ) !== null;
        if (element && ready && (opening === null || id === opening)) {
          samples.push(performance.now() - start);
          return true;
        }
        return false;
      };
      if (check()) return;
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    };
    document.addEventListener(
      'keydown',
      (event) => {
        const open = document.querySelector(pane)?.getAttribute('data-open-notification');
        // Only j with the pane open moves the pane (with it closed, j moves the list's current row).
        if (event.key !== 'j' || !open) return;
        const rows = [...document.querySelectorAll<HTMLElement>('[data-notification-id]')];
        const index = rows.findIndex((row) => row.dataset.notificationId === open);
        settle(event.timeStamp, rows[index + 1]?.dataset.notificationId ?? null);
      },
      true,
    );
    document.addEventListener(
      'click',
      (event) => {
        const row = (event.target as Element).closest<HTMLElement>('[data-notification-id]');
        if (row && (event.target as Element).closest('a'))
          settle(event.timeStamp, row.dataset.notificationId ?? null);
      },
      true,
    );
  }, PANE);
  const take = () =>
    page.evaluate(() => (window as unknown as { paneSamples: number[] }).paneSamples.splice(0));

  // Uncached: rows far apart, so none was prefetched as another's neighbour; the pane closed between.
  // The first row is current; each round moves four rows on (the keyboard scrolls the virtualized list).
  await page.locator(ROW).first().focus();
  for (let round = 0; round < 10; round++) {
    for (let key = 0; key < 4; key++) await page.keyboard.press('j');
    const current = page.locator(`${ROW}:focus`);
    await current.waitFor();
    await current.getByRole('link').first().click();
    await page.locator(`${PANE} [data-testid="activity-entry"]`).first().waitFor();
    await page.waitForTimeout(100);
    await page.keyboard.press('Escape');
    await page.locator(PANE).waitFor({ state: 'detached' });
  }
  const openUncached = stats(await take());

  // From cache: j, each time after the neighbours' prefetch has settled.
  await page.locator(ROW).nth(0).getByRole('link').first().click();
  await page.locator(`${PANE} [data-testid="activity-entry"]`).first().waitFor();
  for (let sample = 0; sample < 30; sample++) {
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('j');
    await page.waitForTimeout(120);
  }
  const keyToPane = stats(await take());
  await context.close();
  return { keyToPane, openUncached };
}

/** Loads `target` notifications by scrolling, then scrolls top to bottom counting long tasks. */
async function scrollTenThousand(page: Page, target: number) {
  const lastLoaded = () =>
    page.evaluate(
      (row) =>
        Math.max(
          0,
          ...[...document.querySelectorAll(row)].map((element) =>
            Number(element.getAttribute('aria-posinset')),
          ),
        ),
      ROW,
    );
  for (let step = 0; step < 5000 && (await lastLoaded()) < target; step++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(30);
  }
  const loaded = await lastLoaded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);

  const run = await page.evaluate(async (row) => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    let maxRows = 0;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const step = () => {
        maxRows = Math.max(maxRows, document.querySelectorAll(row).length);
        const before = window.scrollY;
        window.scrollBy(0, window.innerHeight);
        if (window.scrollY === before) resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return { tasks, maxRows, seconds: (performance.now() - started) / 1000 };
  }, ROW);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return {
    loaded,
    maxRowsInDom: run.maxRows,
    longTasks: run.tasks.length,
    longestTaskMs: Math.max(0, ...run.tasks),
    heapMb: heap.usedSize / 1024 / 1024,
    scrollSeconds: run.seconds,
  };
}

export async function measureBrowser(base: string): Promise<BrowserFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const loads: number[] = [];
    let requests = 0;
    for (let run = 0; run < 10; run++) {
      const { ms, requests: count } = await coldLoad(browser, base);
      loads.push(ms);
      requests = count;
    }
    loads.sort((a, b) => a - b);

    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The API answers actions only after 2 s: what the user sees must not wait for it.
    await page.route('**/api/v2/notifications/*/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue().catch(() => {});
    });
    await page.goto(`${base}/`);
    await page.locator(APP_ROW).first().waitFor();
    const read = await clickToScreen(page, 'read', 30);
    await page.reload();
    await page.locator(APP_ROW).first().waitFor();
    const dismiss = await clickToScreen(page, 'dismiss', 30);
    await context.close();

    const pane = await measurePane(browser, base);

    const scrollContext = await browser.newContext({ serviceWorkers: 'block' });
    const scrollPage = await scrollContext.newPage();
    await scrollPage.goto(`${base}/`);
    await scrollPage.locator(APP_ROW).first().waitFor();
    const scroll = await scrollTenThousand(scrollPage, 10_000);
    await scrollContext.close();

    return {
      coldLoadMs: { p50: percentile(loads, 50), p95: percentile(loads, 95), runs: loads.length },
      coldLoadRequests: requests,
      clickToScreen: { read, dismiss },
      pane,
      scroll,
    };
  } finally {
    await browser.close();
  }
}
