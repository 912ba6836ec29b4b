import { expect, test, type Page } from '@playwright/test';
import { OwnServer } from './support/own-server.ts';

// The service worker's copy of the Inbox page (public/sw.js, docs/decisions/019): a second visit paints its first
// rows at once, without asking the server; it never paints what this person just changed as it was.
const server = new OwnServer(Number(process.env.E2E_PORT ?? 4319) + 37);
const base = server.base;

test.use({ serviceWorkers: 'allow' });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

const COPY = '/?inbox-copy';
const copyOf = (page: Page) =>
  page.evaluate(async (key) => (await (await caches.match(key))?.text()) ?? '', COPY);
const appRows = (page: Page) =>
  page.locator('[data-testid="notification-row"][data-notification-id]');

/** How many times `text` is in `within`. */
const count = (within: string, text: string) => within.split(text).length - 1;

/** The server's first rows' titles as the layer writes them (text, no markup). */
async function serverTitles() {
  const answer = await server.get<{ data: { attributes: { title: string } }[] }>(
    '/notifications?filter[dismissed]=false&include=actor&page[number]=1&page[size]=24',
  );
  return answer.data.map((item) => item.attributes.title.replace(/<\/?b>/g, ''));
}

async function openWithCopy(page: Page) {
  await page.goto(`${base}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => copyOf(page), { timeout: 15_000 }).toContain('first-paint-row');
  await expect(appRows(page).first()).toBeVisible();
}

test('a second visit paints the worker’s copy at once: the first rows, without the JSON of another moment', async ({
  page,
}) => {
  await openWithCopy(page);
  const copy = await copyOf(page);
  // The rows are there; the API's answer of that moment is not (the app reads its own saved lists).
  expect(count(copy, 'data-testid="first-paint-row"')).toBe(24);
  expect(copy).not.toContain('id="inbox-first-page"');

  const navigation = page.waitForResponse((response) => response.request().isNavigationRequest());
  await page.reload();
  const answer = await navigation;
  expect(answer.fromServiceWorker()).toBe(true);
  expect(await answer.text()).toBe(copy);
  // The app takes over from the copy's rows with its own, usable ones.
  await expect(appRows(page).first()).toBeVisible();
  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(appRows(page).first().getByRole('link')).toBeVisible();
});

test('an action drops the copy at once, and the next copy has it: a reload never paints it undone', async ({
  page,
}) => {
  await openWithCopy(page);
  const first = appRows(page).first();
  const id = (await first.getAttribute('data-notification-id')) ?? '';
  const title = (await serverTitles())[0] ?? '';
  expect(title).not.toBe('');
  const before = count(await copyOf(page), title);
  expect(before).toBeGreaterThan(0);

  await first.getByRole('button', { name: /^Dismiss:/ }).click();
  await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(0);
  // Gone from the worker as the row leaves (a reload now asks the server for the page).
  await expect.poll(() => copyOf(page)).toBe('');
  await expect
    .poll(
      async () =>
        (await server.get<{ data: { attributes: { dismissed: boolean } } }>(`/notifications/${id}`))
          .data.attributes.dismissed,
    )
    .toBe(true);

  // Once the server has it, a new copy: as the server's first rows are now.
  await expect.poll(() => copyOf(page), { timeout: 15_000 }).toContain('first-paint-row');
  const expected = count((await serverTitles()).join('\n'), title);
  expect(expected).toBe(before - 1);
  expect(count(await copyOf(page), title)).toBe(expected);

  const navigation = page.waitForResponse((response) => response.request().isNavigationRequest());
  await page.reload();
  expect(count(await (await navigation).text(), title)).toBe(expected);
  await expect(appRows(page).first()).toBeVisible();
  await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(0);
});

test('with the server stopped, the copy paints and the app goes on from its saved lists', async ({
  page,
}) => {
  await openWithCopy(page);
  const ids = await appRows(page).evaluateAll((rows) =>
    rows.slice(0, 5).map((row) => (row as HTMLElement).dataset.notificationId),
  );
  await server.stop();
  try {
    await page.reload();
    await expect(appRows(page).first()).toBeVisible();
    expect(
      await appRows(page).evaluateAll((rows) =>
        rows.slice(0, 5).map((row) => (row as HTMLElement).dataset.notificationId),
      ),
    ).toEqual(ids);
    await expect(page.getByText('The server cannot be reached')).toBeVisible({ timeout: 15_000 });
  } finally {
    await server.start();
  }
});

// Last: it empties this server's Inbox.
test('a bulk action drops the copy as it starts: after "dismiss all", a reload paints none of the old rows', async ({
  page,
}) => {
  await openWithCopy(page);
  const summary = page.getByTestId('list-summary');
  await expect(summary).toHaveText(/^[\d,]+ notifications$/);
  const total = (await summary.textContent())?.split(' ')[0] ?? '';
  await appRows(page).first().getByRole('checkbox').check();
  await page.getByRole('button', { name: `Select all ${total} matching` }).click();
  await expect(page.getByText(`${total} selected`)).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('button', {
      name: `Dismiss all ${total} notifications of your Inbox in one request`,
    })
    .click();
  await expect(page.getByText('You are all caught up')).toBeVisible({ timeout: 60_000 });
  // Nothing of the old Inbox in the worker: the server's page of an empty Inbox has no rows to keep.
  await expect.poll(() => copyOf(page), { timeout: 15_000 }).toBe('');
  const navigation = page.waitForResponse((response) => response.request().isNavigationRequest());
  await page.reload();
  expect(await (await navigation).text()).not.toContain('first-paint-row');
  await expect(page.getByText('You are all caught up')).toBeVisible();
});
