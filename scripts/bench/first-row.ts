/**
 * First row on a phone, the app beside the stack floor: 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU
 * 4× slower (Chrome DevTools Protocol), 390 × 844. Cold: a new browser profile (no cache, no storage). Warm: the
 * same profile's second visit. The two apps take turns, run by run, so that a busy machine slows both alike.
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

const ROW = '[data-testid="notification-row"]';

export interface Stats {
  p50: number;
  p95: number;
  samples: number[];
}
export interface FirstRowFigures {
  runs: number;
  app: { cold: Stats; warm: Stats };
  floor: { cold: Stats; warm: Stats };
}

const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted };
};

/** Milliseconds from navigation start to the first row painted, on a page of `context` with the phone profile. */
async function firstRow(context: BrowserContext, address: string): Promise<number> {
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
  await page.waitForFunction(() => 'firstRow' in window, undefined, { timeout: 60_000 });
  const ms = await page.evaluate(() => (window as unknown as { firstRow: number }).firstRow);
  // Let the app settle (its cache written, the floor's too) before the next visit.
  await page.waitForTimeout(1500);
  await cdp.detach();
  return ms;
}

async function newProfile(browser: Awaited<ReturnType<typeof chromium.launch>>) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: PHONE.viewport });
  await context.addInitScript((row) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(row)) return;
      observer.disconnect();
      // After the frame that paints it.
      requestAnimationFrame(() =>
        setTimeout(() => {
          (window as unknown as { firstRow: number }).firstRow = performance.now();
        }),
      );
    });
    observer.observe(document, { childList: true, subtree: true });
  }, ROW);
  return context;
}

export async function measureFirstRows(
  appBase: string,
  floorBase: string,
  runs: number,
): Promise<FirstRowFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const samples = {
    app: { cold: [] as number[], warm: [] as number[] },
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
          samples[name].cold.push(await firstRow(context, `${base}/`));
          samples[name].warm.push(await firstRow(context, `${base}/`));
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
    app: { cold: stats(samples.app.cold), warm: stats(samples.app.warm) },
    floor: { cold: stats(samples.floor.cold), warm: stats(samples.floor.warm) },
  };
}
