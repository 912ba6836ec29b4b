import { expect, test, type Page } from '@playwright/test';
import { apiNotification, apiNotifications, screenMatches } from './support/api.ts';
import { waitForFirstSync } from './support/synced.ts';

const rows = (page: Page) => page.getByTestId('notification-row');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-notification-id')),
  );

test('filter by project and by type through the UI, clear, and go back', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();

  await page.getByText('All projects').click();
  await page.getByLabel('Search projects').fill('Mobile');
  // The box is controlled by the address, so it turns checked once the navigation renders: click, then wait.
  const mobile = page.getByRole('checkbox', { name: '[Globex] Mobile app v2', exact: true });
  await mobile.click();
  await expect(mobile).toBeChecked();
  await expect(page).toHaveURL(/\?project=2$/);
  const byProject = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[project_id]': '2',
    include: 'actor',
  });
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${byProject.total.toLocaleString('en-US')} notifications`,
  );
  await expect.poll(() => screenMatches(page, byProject.ids)).toBe('match');
  await page.keyboard.press('Escape');

  await page.getByLabel('Type', { exact: true }).selectOption('todo');
  await expect(page).toHaveURL(/\?project=2&type=todo$/);
  const byBoth = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[project_id]': '2',
    'filter[type]': 'todo',
  });
  expect(byBoth.total).toBeGreaterThan(0);
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${byBoth.total.toLocaleString('en-US')} notifications`,
  );
  await expect.poll(() => screenMatches(page, byBoth.ids)).toBe('match');
  for (const type of await rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-target-type')),
  )) {
    expect(type).toBe('todo');
  }

  await page.goBack();
  await expect(page).toHaveURL(/\?project=2$/);
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('');
  await expect.poll(() => screenMatches(page, byProject.ids)).toBe('match');

  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(/\/$/);
  const all = await apiNotifications(request, { 'filter[dismissed]': 'false' });
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${all.total.toLocaleString('en-US')} notifications`,
  );

  await page.reload();
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${all.total.toLocaleString('en-US')} notifications`,
  );
});

test('read, dismiss and restore are one click each and hold after reload', async ({
  page,
  request,
}) => {
  const unread = (await apiNotifications(request, { 'filter[dismissed]': 'false' })).data.filter(
    (item) => !item.attributes.read,
  );
  const target = unread[0]?.id as string;
  await page.goto('/');
  const row = page.locator(`[data-notification-id="${target}"]`);
  await row.getByRole('button', { name: /^Mark as read/ }).click();
  await expect(row).toHaveAttribute('data-read', 'true');
  // Reads are held for the 8 s undo window before they are sent.
  await expect
    .poll(async () => (await apiNotification(request, target)).read, { timeout: 15_000 })
    .toBe(true);

  await page.goto('/');
  await page
    .locator(`[data-notification-id="${target}"]`)
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(page.locator(`[data-notification-id="${target}"]`)).toHaveCount(0);
  await expect.poll(async () => (await apiNotification(request, target)).dismissed).toBe(true);
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator(`[data-notification-id="${target}"]`)).toHaveCount(0);

  await page.getByRole('link', { name: 'Dismissed' }).click();
  await expect(page).toHaveURL(/\/dismissed$/);
  const restored = page.locator(`[data-notification-id="${target}"]`);
  await restored.getByRole('button', { name: /^Restore/ }).click();
  await expect(restored).toHaveCount(0);
  await expect.poll(async () => (await apiNotification(request, target)).dismissed).toBe(false);
  await page.goto('/');
  await expect(page.locator(`[data-notification-id="${target}"]`)).toHaveCount(1);
});

test('a failing server rolls the change back and says what failed', async ({ page, request }) => {
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();
  const target = (await rowIds(page))[2] as string;
  await page.route('**/api/v2/notifications/*/dismiss', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/vnd.api+json',
      body: JSON.stringify({
        errors: [
          { status: '503', title: 'Unavailable', detail: 'Productive is down for maintenance' },
        ],
      }),
    }),
  );
  await page
    .locator(`[data-notification-id="${target}"]`)
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(
    page.getByRole('alert').getByText(/Could not dismiss .*Productive is down for maintenance/),
  ).toBeVisible();
  await expect(page.locator(`[data-notification-id="${target}"]`)).toHaveCount(1);
  expect((await rowIds(page))[2]).toBe(target);
  expect((await apiNotification(request, target)).dismissed).toBe(false);

  await page.unroute('**/api/v2/notifications/*/dismiss');
  await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator(`[data-notification-id="${target}"]`)).toHaveCount(0);
  await expect.poll(async () => (await apiNotification(request, target)).dismissed).toBe(true);
});

test('twenty quick actions end with the screen equal to the server', async ({ page, request }) => {
  await page.goto('/important');
  await expect(rows(page).first()).toBeVisible();
  // Slow the server a little so that the actions overlap.
  await page.route('**/api/v2/notifications/*/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await route.continue();
  });
  for (let i = 0; i < 20; i++) {
    const buttons =
      i % 3 === 0
        ? page.getByRole('button', { name: /^Mark as read/ })
        : page.getByRole('button', { name: /^Dismiss/ });
    await buttons.first().click();
  }
  // Once every action has settled (reads are held 8 s for undo) and the list refetched, the screen is what the
  // server says: the same rows in the same order, each read or unread alike.
  const serverNow = () =>
    apiNotifications(request, { 'filter[dismissed]': 'false', 'filter[important]': 'true' });
  const screenState = () =>
    rows(page).evaluateAll((elements) =>
      elements.map(
        (element) =>
          `${element.getAttribute('data-notification-id')}:${element.getAttribute('data-read')}`,
      ),
    );
  await expect
    .poll(
      async () => {
        const shown = await screenState();
        const server = (await serverNow()).data
          .slice(0, shown.length)
          .map((item) => `${item.id}:${item.attributes.read}`);
        return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(server);
      },
      { timeout: 25_000 },
    )
    .toBe(true);
  const server = await serverNow();
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${server.total.toLocaleString('en-US')} notifications`,
  );
});

test('invalid filters in the URL are named and ignored; unknown routes get a 404 page', async ({
  page,
}) => {
  await page.goto('/?project=abc&type=spaceship&before=2026-02-31');
  await expect(page.getByText('project=abc, type=spaceship, before=2026-02-31')).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('link', { name: 'Clean up the address' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('works 360 px wide with the actions in reach', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const first = rows(page).first();
  await expect(first.getByRole('button', { name: /^Dismiss/ })).toBeInViewport();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the list goes on past the first page of 50, in the server’s order', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();
  // The whole Inbox is on the device once the first sync has read it (src/replica/): no paging at the end.
  await waitForFirstSync(page);
  const row51 = page.locator('[data-testid="notification-row"][aria-posinset="51"]');
  // Scrolled a little at a time (the list renders the rows near the viewport), until row 51 is there.
  await expect(async () => {
    await page.mouse.wheel(0, 300);
    await expect(row51).toBeAttached({ timeout: 300 });
  }).toPass({ timeout: 15_000 });
  // In the server's order (asked again while they differ: a notification that changed meanwhile moves in both).
  await expect
    .poll(async () => {
      const server = await apiNotifications(request, { 'filter[dismissed]': 'false' }, 100);
      return (await row51.getAttribute('data-notification-id')) === server.ids[50];
    })
    .toBe(true);
});
