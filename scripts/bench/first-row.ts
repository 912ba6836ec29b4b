/**
 * First row on a phone, the app beside the stack floor: 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU
 * 4× slower (Chrome DevTools Protocol), 390 × 844. Cold: a new browser profile (no cache, no storage, no service
 * worker). Warm: the same profile's second visit, once the first has settled (for the app: its service worker holds
 * its copy of the page). The two apps take turns, run by run, so that a busy machine slows both alike.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { percentile } from '../../server/bench/load.ts';
import { chromiumLaunchOptions } from '../chromium.ts';

export const PHONE = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
  viewport: { width: 390, height: 844 },
} as const;

/**
 * A first row on screen: the rows the server writes into the page before any script runs (docs/decisions/019,
 * `first-paint-row`, text only) or the app's own (React's, with their links and controls, `notification-row`, the
 * usable ones). The floor's rows are all its own.
 */
const ROW = '[data-testid="first-paint-row"], [data-testid="notification-row"]';
const USABLE_ROW = '[data-testid="notification-row"][data-notification-id]';

export interface Stats {
  p50: number;
  p95: number;
  samples: number[];
}
export interface FirstRowFigures {
  runs: number;
  app: { cold: Stats; warm: Stats; coldUsable: Stats; warmUsable: Stats };
  floor: { cold: Stats; warm: Stats };
}

const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted };
};

/**
 * Milliseconds from navigation start to the first row painted, and to the first of the app's own rows, on a page
 * of `context` with the phone profile.
 */
async function firstRow(
  context: BrowserContext,
  address: string,
  app: boolean,
): Promise<{ painted: number; usable: number }> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: PHONE.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  await page.goto(address);
  await page.waitForFunction(
    (usable) => 'firstRow' in window && (!usable || 'firstUsableRow' in window),
    app,
    { timeout: 60_000 },
  );
  const ms = await page.evaluate(() => {
    const marks = window as unknown as { firstRow: number; firstUsableRow?: number };
    return { painted: marks.firstRow, usable: marks.firstUsableRow ?? marks.firstRow };
  });
  // Let the app settle (its cache written, the floor's too) before the next visit.
  await page.waitForTimeout(1500);
  // An app's second visit finds its service worker installed and holding the page (public/sw.js): wait for that,
  // not to measure the worker's install as the second visit. The floor has no worker.
  if (app)
    await page
      .waitForFunction(async () => !!(await caches.match('/?inbox-copy')), null, {
        timeout: 20_000,
        polling: 200,
      })
      .catch(() => {});
  await cdp.detach();
  return ms;
}

async function newProfile(browser: Awaited<ReturnType<typeof chromium.launch>>) {
  // Service workers as a browser has them: the app's keeps its page for a second visit; the floor has none.
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: PHONE.viewport });
  await context.addInitScript(
    ([row, usableRow]) => {
      const mark = (selector: string, name: string) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          // After the frame that paints it.
          requestAnimationFrame(() =>
            setTimeout(() => {
              (window as unknown as Record<string, number>)[name] = performance.now();
            }),
          );
        });
        observer.observe(document, { childList: true, subtree: true });
      };
      mark(row, 'firstRow');
      mark(usableRow, 'firstUsableRow');
    },
    [ROW, USABLE_ROW] as const,
  );
  return context;
}

export async function measureFirstRows(
  appBase: string,
  floorBase: string,
  runs: number,
): Promise<FirstRowFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const samples = {
    app: {
      cold: [] as number[],
      warm: [] as number[],
      coldUsable: [] as number[],
      warmUsable: [] as number[],
    },
    floor: { cold: [] as number[], warm: [] as number[] },
  };
  try {
    for (let run = 0; run < runs; run++) {
      for (const [name, base] of [
        ['app', appBase],
        ['floor', floorBase],
      ] as const) {
        const context = await newProfile(browser);
        try {
          const cold = await firstRow(context, `${base}/`, name === 'app');
          const warm = await firstRow(context, `${base}/`, name === 'app');
          samples[name].cold.push(cold.painted);
          samples[name].warm.push(warm.painted);
          if (name === 'app') {
            samples.app.coldUsable.push(cold.usable);
            samples.app.warmUsable.push(warm.usable);
          }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return {
    runs,
    app: {
      cold: stats(samples.app.cold),
      warm: stats(samples.app.warm),
      coldUsable: stats(samples.app.coldUsable),
      warmUsable: stats(samples.app.warmUsable),
    },
    floor: { cold: stats(samples.floor.cold), warm: stats(samples.floor.warm) },
  };
}
