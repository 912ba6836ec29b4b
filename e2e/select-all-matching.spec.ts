import { expect, test, type Page, type Route } from '@playwright/test';
import { LARGE_PORT } from '../playwright.config.ts';

// Over the large database (13,000 notifications), reading only: "Select all N matching" pages through them all.
const base = `http://127.0.0.1:${LARGE_PORT}`;
const rows = (page: Page) => page.getByTestId('notification-row');

/** The list requests "Select all matching" makes: pages of 200 (the replica's sync asks for pages of 200 too:
 * the tests wait for its first sync to end, and its polls ask `filter[after]`). */
const isMatchingPage = (url: URL) =>
  url.pathname === '/api/v2/notifications' &&
  url.searchParams.get('page[size]') === '200' &&
  !url.searchParams.has('filter[after]');

/**
 * The replica's first sync has read the whole inbox (src/replica/): the tab's title gives the exact unread count
 * only then (the list's own count can come sooner, from the first page the server wrote into the page).
 */
async function openSynced(page: Page) {
  await page.goto(`${base}/`);
  await expect(page).toHaveTitle(/^\([\d,]+\) Inbox$/, { timeout: 60_000 });
  await expect(page.getByTestId('list-summary')).toHaveText(/^[\d,]+ notifications$/);
}
const pageNumber = (route: Route) =>
  Number(new URL(route.request().url()).searchParams.get('page[number]'));

async function inboxTotal(page: Page) {
  const response = await page.request.get(
    `${base}/api/v2/notifications?filter[dismissed]=false&page[size]=1`,
  );
  return ((await response.json()) as { meta: { total_count: number } }).meta.total_count;
}

test('select all matching shows its progress, waits out a 429 and selects every one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const total = await inboxTotal(page);
  expect(total).toBeGreaterThan(10_000);
  await openSynced(page);
  const asked: number[] = [];
  let limitedAt = 0;
  let askedAgainAt = 0;
  await page.route(isMatchingPage, async (route) => {
    const number = pageNumber(route);
    asked.push(number);
    if (number === 5 && limitedAt === 0) {
      limitedAt = Date.now();
      return route.fulfill({
        status: 429,
        headers: { 'Retry-After': '2' },
        contentType: 'application/vnd.api+json',
        body: '{"errors":[{"status":"429","title":"Too Many Requests"}]}',
      });
    }
    if (number === 5) askedAgainAt = Date.now();
    return route.continue();
  });
  await rows(page).first().getByRole('checkbox').check();
  await page
    .getByRole('button', { name: `Select all ${total.toLocaleString('en-US')} matching` })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /^Selecting… [\d,]+ of / })).toHaveText(
    new RegExp(`of ${total.toLocaleString('en-US')}$`),
  );
  await expect(page.getByText(`${total.toLocaleString('en-US')} selected`)).toBeVisible({
    timeout: 40_000,
  });
  await expect(
    page.getByText(`Selected all ${total.toLocaleString('en-US')} matching notifications`),
  ).toBeVisible();
  expect(askedAgainAt - limitedAt).toBeGreaterThanOrEqual(1900);
  expect(asked.filter((number) => number === 5)).toHaveLength(2);
  expect(new Set(asked).size).toBe(Math.ceil(total / 200));
});

test('a page that fails is told with its reason, nothing is selected, and Retry selects them all', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const total = await inboxTotal(page);
  await openSynced(page);
  let failing = true;
  await page.route(isMatchingPage, (route) =>
    failing && pageNumber(route) === 3
      ? route.fulfill({
          status: 503,
          contentType: 'application/vnd.api+json',
          body: '{"errors":[{"status":"503","title":"Unavailable","detail":"Productive is down for maintenance"}]}',
        })
      : route.continue(),
  );
  await rows(page).first().getByRole('checkbox').check();
  await page
    .getByRole('button', { name: `Select all ${total.toLocaleString('en-US')} matching` })
    .click();
  const alert = page
    .getByRole('alert')
    .getByText(
      'Could not select all matching notifications, so none were selected: Productive is down for maintenance',
    );
  await expect(alert).toBeVisible();
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Select all ${total.toLocaleString('en-US')} matching` }),
  ).toBeVisible();
  failing = false;
  await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText(`${total.toLocaleString('en-US')} selected`)).toBeVisible({
    timeout: 40_000,
  });
});
