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
  let most = 0;
  // Scroll to the end until everything is loaded, watching how many rows are in the DOM on the way.
  const last = page.locator(`[data-testid="notification-row"][aria-posinset="${total}"]`);
  for (let step = 0; step < 3000 && (await last.count()) === 0; step++) {
    await page.keyboard.press('End');
    most = Math.max(most, await domRows());
    await page.waitForTimeout(20);
  }
  await expect(last).toBeAttached();
  expect(most).toBeLessThan(80);
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
