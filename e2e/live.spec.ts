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

/** The replica's sync asks for what is new every half second here (src/replica/sync.ts). */
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() =>
    localStorage.setItem('inbox-settings.sync', JSON.stringify({ pollMs: 500 })),
  );
});

/** The first sync has read the whole inbox: counts are given, nothing more is paged. */
const synced = (page: Page) =>
  expect(page.getByTestId('list-summary')).toHaveText(/^[\d,]+ (read |unread )?notifications?$/, {
    timeout: 30_000,
  });

test('an action in one tab shows in the other without refetching', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto('/?type=todo');
  await second.goto('/?type=todo');
  await expect(rows(second).first()).toBeVisible();
  await synced(first);
  await synced(second);
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

test('new notifications appear in the list from the sync, each in the views it belongs to', async ({
  page,
  request,
}) => {
  await page.goto('/?type=deal');
  await synced(page);
  const all = await apiNotifications(
    request,
    { 'filter[dismissed]': 'false', 'filter[type]': 'deal' },
    200,
  );
  const older = all.ids.slice(-2);

  // New activity on the oldest one: the next poll brings it to the top, with no "N new" to click.
  bumpOnServer(older[1] as string);
  await expect.poll(async () => (await rowIds(page))[0]).toBe(older[1]);
  await expect(page.getByRole('button', { name: /new notification/ })).toHaveCount(0);

  // A view it does not belong to neither lists nor counts it: no "N new" on a filtered list.
  await page.goto('/?type=task&read=read');
  await synced(page);
  bumpOnServer(older[0] as string);
  await page.waitForTimeout(1500);
  await expect(page.locator(`[data-notification-id="${older[0]}"]`)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /new notification/ })).toHaveCount(0);
});

test('the unread count shows in the tab title and as a favicon badge', async ({ page }) => {
  await page.goto('/');
  // Exact, never "50+": the replica holds the whole inbox.
  await expect(page).toHaveTitle(/^\((\d+)\) Inbox$/, { timeout: 30_000 });
  const label = /^\((\d+)\)/.exec(await page.title())?.[1];
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
