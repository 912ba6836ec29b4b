import { expect, test, type Page } from '@playwright/test';
import { apiNotification, apiNotifications, screenMatches } from './support/api.ts';
import { waitForFirstSync } from './support/synced.ts';

const rows = (page: Page) => page.getByTestId('notification-row');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-notification-id')),
  );
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-notification-id') ?? null);

test('keyboard only: move, read, dismiss with focus moving on, select a range, undo, help, filters, g i', async ({
  page,
  request,
}) => {
  await page.goto('/mentions');
  await expect(rows(page).first()).toBeVisible();
  // The whole view, not the part of it the first sync has read so far.
  await waitForFirstSync(page);
  const ids = (await rowIds(page)) as string[];

  await page.keyboard.press('j');
  await expect.poll(() => focusedId(page)).toBe(ids[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedId(page)).toBe(ids[2]);
  await page.keyboard.press('k');
  await expect.poll(() => focusedId(page)).toBe(ids[1]);

  // Shift+I marks the focused row read; e dismisses it and focus moves to the next row.
  await page.keyboard.press('Shift+I');
  await expect(page.locator(`[data-notification-id="${ids[1]}"]`)).toHaveAttribute(
    'data-read',
    'true',
  );
  await page.keyboard.press('e');
  await expect(page.locator(`[data-notification-id="${ids[1]}"]`)).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe(ids[2]);
  await expect
    .poll(async () => (await apiNotification(request, ids[1] as string)).dismissed)
    .toBe(true);

  // z undoes the dismiss.
  await page.keyboard.press('z');
  await expect(page.locator(`[data-notification-id="${ids[1]}"]`)).toHaveCount(1);
  await expect
    .poll(async () => (await apiNotification(request, ids[1] as string)).dismissed)
    .toBe(false);

  // x selects, Shift+X selects a range, e dismisses them all; Ctrl+Z brings them back.
  await page.locator(`[data-notification-id="${ids[2]}"]`).focus();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(page.getByRole('button', { name: 'Dismiss 3 notifications' })).toBeVisible();
  await page.keyboard.press('e');
  for (const id of ids.slice(2, 5))
    await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  for (const id of ids.slice(2, 5))
    await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(1);
  await expect
    .poll(async () => (await apiNotification(request, ids[3] as string)).dismissed)
    .toBe(false);

  // * selects all loaded (the whole view: the replica holds it, src/replica/), Esc clears.
  const loaded = (
    await apiNotifications(request, { 'filter[dismissed]': 'false', 'filter[mention]': 'true' })
  ).total;
  await expect(page.getByTestId('list-summary')).toHaveText(`${loaded} notifications`);
  await page.keyboard.press('*');
  await expect(page.getByText(`${loaded.toLocaleString('en-US')} selected`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`${loaded.toLocaleString('en-US')} selected`)).toHaveCount(0);

  // ? opens the help; shortcuts do nothing while it is open or while typing.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('f');
  await page.keyboard.press('Enter');
  await page.getByLabel('Search projects').focus();
  const before = await rowIds(page);
  await page.keyboard.type('e');
  expect(await rowIds(page)).toEqual(before);
  await page.keyboard.press('Escape');

  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/\/$/);
});

test('keyboard focus moves correctly past the first screen and opens the focused row', async ({
  page,
  request,
}) => {
  // Below 1024 px a notification opens as a page of its own (wider, in the reading pane: e2e/pane.spec.ts).
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/?type=task');
  await expect(rows(page).first()).toBeVisible();
  const { ids } = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[type]': 'task',
  });
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await expect.poll(() => focusedId(page)).toBe(ids[29]);
  await expect(page.locator(`[data-notification-id="${ids[29]}"]`)).toBeInViewport();
  expect(
    await page.locator(`[data-notification-id="${ids[29]}"]`).getAttribute('aria-posinset'),
  ).toBe('30');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/\d+/);
  await page.getByRole('link', { name: 'Back to the inbox' }).click();
  await expect(page).toHaveURL(/\/\?type=task$/);
});

test('bulk dismiss honours 429 with Retry-After, reports failures per item, and retries the failed ones', async ({
  page,
  request,
}) => {
  await page.goto('/?type=page');
  await expect(rows(page).first()).toBeVisible();
  const ids = ((await rowIds(page)) as string[]).slice(0, 5);
  let limited = 0;
  await page.route('**/api/v2/notifications/*/dismiss', async (route) => {
    const id = /notifications\/(\d+)\//.exec(route.request().url())?.[1];
    if (limited < 2) {
      limited++;
      return route.fulfill({
        status: 429,
        headers: { 'Retry-After': '1' },
        contentType: 'application/vnd.api+json',
        body: '{"errors":[{"status":"429","title":"Too Many Requests"}]}',
      });
    }
    if (id === ids[4])
      return route.fulfill({
        status: 500,
        contentType: 'application/vnd.api+json',
        body: '{"errors":[{"status":"500","title":"Error","detail":"Broken record"}]}',
      });
    return route.continue();
  });
  for (const id of ids)
    await page
      .getByRole('checkbox', { name: new RegExp(`^Select: `) })
      .and(page.locator(`[data-notification-id="${id}"] input`))
      .check();
  await page.getByRole('button', { name: 'Dismiss 5 notifications' }).click();
  await expect(
    page.getByRole('alert').getByText(/Dismissed 4 of 5; 1 failed: Broken record/),
  ).toBeVisible({ timeout: 15_000 });
  expect(limited).toBe(2);
  for (const id of ids.slice(0, 4))
    expect((await apiNotification(request, id)).dismissed).toBe(true);
  expect((await apiNotification(request, ids[4] as string)).dismissed).toBe(false);
  await expect(page.locator(`[data-notification-id="${ids[4]}"]`)).toHaveCount(1);

  await page.unroute('**/api/v2/notifications/*/dismiss');
  await page.getByRole('alert').getByRole('button', { name: 'Retry failed' }).click();
  await expect
    .poll(async () => (await apiNotification(request, ids[4] as string)).dismissed)
    .toBe(true);
  const server = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[type]': 'page',
  });
  await expect.poll(() => screenMatches(page, server.ids)).toBe('match');
});

test('select all matching spells out the count and restores them all', async ({
  page,
  request,
}) => {
  // Its own data: two discussions dismissed through the API first.
  const open = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[type]': 'discussion',
  });
  for (const id of open.ids.slice(0, 2)) {
    await request.patch(`/api/v2/notifications/${id}/dismiss`, {
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
  }
  // The Dismissed view holds the last 30 days (the replica, docs/decisions/016-replica.md), all of them loaded.
  const recent = {
    'filter[dismissed]': 'true',
    'filter[type]': 'discussion',
    'filter[after]': new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString(),
  };
  const before = await apiNotifications(request, recent);
  expect(before.total).toBeGreaterThan(0);
  await page.goto('/dismissed?type=discussion');
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${before.total} notification${before.total === 1 ? '' : 's'}`,
  );
  await rows(page).first().getByRole('checkbox').check();
  await page
    .getByRole('button', { name: `Select all ${before.total.toLocaleString('en-US')} matching` })
    .click();
  await expect(page.getByText(`${before.total.toLocaleString('en-US')} selected`)).toBeVisible();
  await page
    .getByRole('button', {
      name: `Restore ${before.total} notification${before.total === 1 ? '' : 's'}`,
    })
    .click();
  await expect(page.getByText('No discussion notifications match these filters')).toBeVisible();
  await expect
    .poll(async () => (await apiNotifications(request, recent)).total, { timeout: 15_000 })
    .toBe(0);
});
