import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { apiNotifications } from './support/api.ts';

const rows = (page: Page) => page.getByTestId('notification-row');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-notification-id')),
  );

/** Another client's news: a notification gets new activity now, as Productive would record it. */
function bumpOnServer(id: string) {
  const db = new DatabaseSync(process.env.E2E_DB as string);
  const now = Date.now();
  db.prepare(
    'UPDATE notifications SET last_action_ms = ?, last_action_at = ?, dismissed = 0, read = 0 WHERE id = ?',
  ).run(now, new Date(now).toISOString().replace('Z', '+00:00'), Number(id));
  db.close();
}

const wakeUp = (page: Page) =>
  page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));

test('an action in one tab shows in the other without refetching', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto('/?type=todo');
  await second.goto('/?type=todo');
  await expect(rows(second).first()).toBeVisible();
  const target = (await rowIds(second))[1] as string;
  const listRequests: string[] = [];
  second.on('request', (request) => {
    if (request.url().includes('/api/v2/notifications?') && !request.url().includes('after'))
      listRequests.push(request.url());
  });
  await first
    .locator(`[data-notification-id="${target}"]`)
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(second.locator(`[data-notification-id="${target}"]`)).toHaveCount(0);
  await second.waitForTimeout(1000);
  expect(listRequests).toEqual([]);
});

test('new notifications: at the top they appear at once, further down a pill offers them', async ({
  page,
  request,
}) => {
  await page.goto('/?type=deal');
  await expect(rows(page).first()).toBeVisible();
  const all = await apiNotifications(
    request,
    { 'filter[dismissed]': 'false', 'filter[type]': 'deal' },
    200,
  );
  const older = all.ids.slice(-2);

  // At the top: shown at once on the next poll (here: the tab becoming visible again).
  bumpOnServer(older[1] as string);
  await wakeUp(page);
  await expect.poll(async () => (await rowIds(page))[0]).toBe(older[1]);

  // Scrolled down: the list does not move; a pill says what is new.
  await page.setViewportSize({ width: 1000, height: 400 });
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  bumpOnServer(older[0] as string);
  await wakeUp(page);
  const pill = page.getByRole('button', { name: /1 new notification/ });
  await expect(pill).toBeVisible();
  // The list did not move under the user.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await expect(page.locator(`[data-notification-id="${older[0]}"]`)).toHaveCount(0);
  await pill.click();
  await expect.poll(async () => (await rowIds(page))[0]).toBe(older[0]);
});

test('the unread count shows in the tab title and as a favicon badge', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/^\((\d+\+?)\) Inbox$/);
  const label = /^\((\d+\+?)\)/.exec(await page.title())?.[1];
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('data-badge', label as string);
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/png/);
});

test('dark mode follows the system, and a chosen theme persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Theme: System' }).click();
  await page.getByRole('button', { name: 'Theme: Light' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark/);
});
