import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.ts';
import { screenMatches } from './support/api.ts';
import { OwnServer } from './support/own-server.ts';

// Every action is durable until the server has it: through reloads, navigation, a second tab and a browser
// restart, with the server itself stopped and started under the app.
const server = new OwnServer(Number(process.env.E2E_PORT ?? 4319) + 13);
const base = server.base;

test.use({ serviceWorkers: 'allow' });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

const attributes = async (id: string) =>
  (
    await server.get<{ data: { attributes: { read: boolean; dismissed: boolean } } }>(
      `/notifications/${id}`,
    )
  ).data.attributes;
const serverInbox = async () =>
  (
    await server.get<{ data: { id: string }[] }>(
      '/notifications?filter[dismissed]=false&page[size]=50',
    )
  ).data.map((item) => item.id);
const row = (page: Page, id: string) => page.locator(`[data-notification-id="${id}"]`);
const banner = (page: Page) => page.getByText('The server cannot be reached');
const rows = (page: Page) => page.getByTestId('notification-row');

/** The inbox, with the app shell in the service worker (so that a reload works while the server is down). */
async function openWithShell(page: Page) {
  await page.goto(`${base}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(rows(page).first()).toBeVisible();
}

async function unreadIds(page: Page, count: number) {
  await expect(rows(page).first()).toBeVisible();
  const ids = await page
    .locator('[data-testid="notification-row"][data-read="false"]')
    .evaluateAll((elements) => elements.map((element) => element.dataset.notificationId ?? ''));
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

/** Nothing stuck: no banner, no row waiting, and the rows are the server's. */
async function settledAndTrue(page: Page) {
  await expect(banner(page)).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText('Waiting to sync')).toHaveCount(0, { timeout: 15_000 });
  await expect
    .poll(async () => screenMatches(page, await serverInbox()), { timeout: 15_000 })
    .toBe('match');
}

test('a read is saved when the page reloads or navigates inside its undo window', async ({
  page,
}) => {
  await page.goto(`${base}/`);
  const [first, second] = await unreadIds(page, 2);
  await row(page, first as string)
    .getByRole('button', { name: /^Mark as read:/ })
    .click();
  await expect(row(page, first as string)).toHaveAttribute('data-read', 'true');
  await page.waitForTimeout(300);
  await page.reload();
  await expect
    .poll(async () => (await attributes(first as string)).read, { timeout: 10_000 })
    .toBe(true);
  await expect(row(page, first as string)).toHaveAttribute('data-read', 'true');

  await row(page, second as string)
    .getByRole('button', { name: /^Mark as read:/ })
    .click();
  await page.waitForTimeout(300);
  await page.goto(`${base}/important`);
  await expect
    .poll(async () => (await attributes(second as string)).read, { timeout: 10_000 })
    .toBe(true);
  await page.goto(`${base}/`);
  await expect(row(page, second as string)).toHaveAttribute('data-read', 'true');
  await settledAndTrue(page);
});

test('server down: actions survive a reload and show in a second tab, the banner is there from the first paint, and everything arrives when the server is back', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await openWithShell(page);
  const [toDismiss, toRead] = await unreadIds(page, 2);
  await server.stop();
  try {
    await row(page, toDismiss as string)
      .getByRole('button', { name: /^Dismiss:/ })
      .click();
    await expect(row(page, toDismiss as string)).toHaveCount(0);
    await row(page, toRead as string)
      .getByRole('button', { name: /^Mark as read:/ })
      .click();
    // Reloaded inside the read's undo window, with the server down: the page comes from the service worker.
    await page.reload();
    await expect(rows(page).first()).toBeVisible();
    // Measured, not assumed: the banner is there as soon as there are rows.
    expect(await banner(page).isVisible()).toBe(true);
    await expect(row(page, toDismiss as string)).toHaveCount(0);
    await expect(row(page, toRead as string)).toHaveAttribute('data-read', 'true');
    await expect(row(page, toRead as string).getByText('Waiting to sync')).toBeVisible();

    // A second tab while the server is still down shows the same.
    const other = await context.newPage();
    await other.goto(`${base}/`);
    await expect(rows(other).first()).toBeVisible();
    expect(await banner(other).isVisible()).toBe(true);
    await expect(row(other, toDismiss as string)).toHaveCount(0);
    await expect(row(other, toRead as string)).toHaveAttribute('data-read', 'true');

    // Down for a while: nothing is rolled back, nothing given up.
    await page.waitForTimeout(4000);
    await expect(row(page, toDismiss as string)).toHaveCount(0);
    await expect(row(page, toRead as string)).toHaveAttribute('data-read', 'true');
  } finally {
    await server.start();
  }
  await expect
    .poll(async () => (await attributes(toDismiss as string)).dismissed, { timeout: 10_000 })
    .toBe(true);
  await expect
    .poll(async () => (await attributes(toRead as string)).read, { timeout: 10_000 })
    .toBe(true);
  for (const tab of context.pages()) await settledAndTrue(tab);
});

test('an action the server refuses after a reload is not left waiting: it says why and offers Retry', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await openWithShell(page);
  const [toDismiss] = await unreadIds(page, 1);
  await server.stop();
  try {
    await row(page, toDismiss as string)
      .getByRole('button', { name: /^Dismiss:/ })
      .click();
    await expect(row(page, toDismiss as string)).toHaveCount(0);
    await page.reload();
    await expect(banner(page)).toBeVisible();
    await context.route('**/api/v2/notifications/*/dismiss', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/vnd.api+json',
        body: JSON.stringify({
          errors: [{ status: '422', title: 'Invalid', detail: 'Refused for the test' }],
        }),
      }),
    );
  } finally {
    await server.start();
  }
  const alert = page.getByRole('alert');
  await expect(
    alert.getByText('Could not dismiss 1 notification: Refused for the test'),
  ).toBeVisible({
    timeout: 10_000,
  });
  // The refusal put the row back; nothing waits.
  await expect(row(page, toDismiss as string)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Waiting to sync')).toHaveCount(0);
  expect((await attributes(toDismiss as string)).dismissed).toBe(false);
  await context.unroute('**/api/v2/notifications/*/dismiss');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect
    .poll(async () => (await attributes(toDismiss as string)).dismissed, { timeout: 10_000 })
    .toBe(true);
  await settledAndTrue(page);
});

test('a browser restart with an action queued: the next start sends it', async () => {
  test.setTimeout(90_000);
  const profile = mkdtempSync(join(tmpdir(), 'inbox-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions,
      serviceWorkers: 'allow',
    });
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await openWithShell(page);
  const [toDismiss] = await unreadIds(page, 1);
  await server.stop();
  try {
    await row(page, toDismiss as string)
      .getByRole('button', { name: /^Dismiss:/ })
      .click();
    await expect(row(page, toDismiss as string)).toHaveCount(0);
    await expect(banner(page)).toBeVisible({ timeout: 10_000 });
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    await expect(rows(page).first()).toBeVisible();
    expect(await banner(page).isVisible()).toBe(true);
    await expect(row(page, toDismiss as string)).toHaveCount(0);
  } finally {
    await server.start();
  }
  try {
    await expect
      .poll(async () => (await attributes(toDismiss as string)).dismissed, { timeout: 10_000 })
      .toBe(true);
    await settledAndTrue(page);
  } finally {
    await context.close();
  }
});

test('first visit, then the server goes down: a reload shows the filters, the account line and the reading pane, not "could not load"', async ({
  browser,
}) => {
  const context = await browser.newContext({
    serviceWorkers: 'allow',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  // One visit only: the service worker installs while the page loads, and must take every chunk with it.
  await page.goto(`${base}/`);
  await expect(rows(page).first()).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await server.stop();
  try {
    await page.reload();
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByRole('search', { name: 'Filter notifications' })).toBeVisible();
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    await rows(page).first().getByRole('link').first().click();
    await expect(page.getByRole('region', { name: 'Reading pane' })).toBeVisible();
    await expect(page.getByText(/This (page )?could not load/)).toHaveCount(0);
  } finally {
    await server.start();
    await context.close();
  }
});
