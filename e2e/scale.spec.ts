import { expect, test } from '@playwright/test';
import { LARGE_PORT } from '../playwright.config.ts';

const base = `http://127.0.0.1:${LARGE_PORT}`;

test('10,000 loaded notifications: a bounded DOM, and keyboard focus and positions still right', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const response = await request.get(
    `${base}/api/v2/notifications?filter[dismissed]=false&page[size]=1`,
  );
  const total = ((await response.json()) as { meta: { total_count: number } }).meta.total_count;
  expect(total).toBeGreaterThanOrEqual(10_000);

  await page.goto(`${base}/`);
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  const domRows = () => page.getByTestId('notification-row').count();
  // Scroll to the end until everything is loaded, counting the rows in the DOM at every frame on the way. In the
  // page: a key press and two locator queries per step cost the test about 0.4 s a page at a load of 11 on two
  // cores, where the app itself loads and renders a page in about 0.16 s.
  const walk = await page.evaluate(async (total) => {
    const rendered = () => [...document.querySelectorAll('[data-testid="notification-row"]')];
    const lastRow = `[data-testid="notification-row"][aria-posinset="${total}"]`;
    let most = 0;
    let furthest = 0;
    let progressAt = performance.now();
    while (!document.querySelector(lastRow) && performance.now() - progressAt < 15_000) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const rows = rendered();
      most = Math.max(most, rows.length);
      const position = Math.max(0, ...rows.map((row) => Number(row.getAttribute('aria-posinset'))));
      if (position > furthest) {
        furthest = position;
        progressAt = performance.now();
      }
    }
    return { most, furthest };
  }, total);
  const last = page.locator(`[data-testid="notification-row"][aria-posinset="${total}"]`);
  await expect(last, `loading stopped at row ${walk.furthest} of ${total}`).toBeAttached();
  // Counted (a screen's worth at least), and bounded.
  expect(walk.most).toBeGreaterThan(5);
  expect(walk.most).toBeLessThan(80);
  expect(await page.locator(`[aria-posinset="${total}"]`).getAttribute('aria-setsize')).toBe(
    String(total),
  );

  // Back at the top, the keyboard walks past the first screen with focus where it should be.
  await page.keyboard.press('Home');
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 60; i++) await page.keyboard.press('j');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-posinset', '60');
  await expect(focused).toBeInViewport();
  expect(await domRows()).toBeLessThan(80);
});
