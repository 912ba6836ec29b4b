import { expect, test, type Page } from '@playwright/test';
import type { Database } from '../server/db/database.ts';
import {
  STANDIN_PEOPLE,
  startStandin,
  type Standin,
  type StandinPerson,
} from '../server/testing/productive-standin.ts';
import { InboxProcess } from './support/inbox-process.ts';

/** Counts as the app writes them: with the locale's separators (src/lib/formats.ts). */
const n = (count: number) => count.toLocaleString('en-US');

// Bulk actions over ~1,500 notifications on a real server: personal mode, through the proxy and its rate budget,
// against the stand-in, which records every request Productive would receive (so every PATCH is counted where it
// lands). The server's windows are small and on (60 per second), so the app must pace itself from the server's
// RateLimit headers; a 429 would show that it did not.

const ana: StandinPerson = { ...(STANDIN_PEOPLE[0] as StandinPerson), notifications: 2_000 };
const port = Number(process.env.E2E_PORT ?? 4319) + 29;

let standin: Standin;
let inbox: InboxProcess;
let inboxIds: string[] = [];

const db = () => standin.databases.get(ana.token) as Database;
const undismissedIds = () =>
  (
    db().prepare('SELECT id FROM notifications WHERE dismissed = 0 ORDER BY id').all() as {
      id: number;
    }[]
  ).map((row) => String(row.id));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  standin = await startStandin({ people: [ana] });
  inbox = new InboxProcess(port, {
    PRODUCTIVE_API_TOKEN: ana.token,
    PRODUCTIVE_ORGANIZATION_ID: ana.organizationId,
    PRODUCTIVE_API_URL: standin.url,
    INBOX_RATE_LIMITS: '60/1s,20000/30m',
  });
  await inbox.start();
  inboxIds = undismissedIds();
});
test.afterAll(async () => {
  await inbox?.stop();
  await standin?.close();
});

// Each test starts from the same Inbox, and counts only its own requests.
test.beforeEach(() => {
  const restore = db().prepare('UPDATE notifications SET dismissed = 0 WHERE id = ?');
  for (const id of inboxIds) restore.run(id);
  standin.requests.length = 0;
});

const rows = (page: Page) => page.getByTestId('notification-row');
const bar = (page: Page) => page.getByRole('progressbar');
const valueNow = async (page: Page) => Number(await bar(page).getAttribute('aria-valuenow'));
const summary = (page: Page) => page.getByTestId('list-summary');

/** Each id's PATCH …/action requests as the stand-in received them. */
function patchesBy(action: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of standin.requests) {
    const match = new RegExp(`^/api/v2/notifications/(\\d+)/${action}$`).exec(request.path);
    if (request.method === 'PATCH' && match)
      counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + 1);
  }
  return counts;
}
const sentTwice = (counts: Map<string, number>) =>
  [...counts].filter(([, count]) => count > 1).map(([id]) => id);

/** Opens the Inbox, selects every one of it and then unselects the first: a selection of all but one. */
async function selectAllButOne(page: Page, refused: number[]) {
  page.on('response', (response) => {
    if (response.status() === 429) refused.push(response.status());
  });
  await page.goto(`${inbox.base}/`);
  const total = inboxIds.length;
  await expect(summary(page)).toHaveText(`${n(total)} notifications`);
  await rows(page).first().getByRole('checkbox').check();
  await page.getByRole('button', { name: `Select all ${n(total)} matching` }).click();
  await expect(page.getByText(`${n(total)} selected`)).toBeVisible({ timeout: 30_000 });
  const kept = await rows(page).first().getAttribute('data-notification-id');
  await rows(page).first().getByRole('checkbox').uncheck();
  await expect(page.getByText(`${n(total - 1)} selected`)).toBeVisible();
  return { count: total - 1, kept };
}

test('dismisses 1,500 with a moving progress bar, rows leaving and counts falling, paced within the budget', async ({
  page,
}) => {
  test.setTimeout(240_000);
  expect(inboxIds.length).toBeGreaterThan(1_400);
  const refused: number[] = [];
  const { count } = await selectAllButOne(page, refused);
  const firstRows = await rows(page).evaluateAll((elements) =>
    elements.slice(1, 6).map((element) => element.getAttribute('data-notification-id')),
  );
  await page.getByRole('button', { name: `Dismiss ${n(count)} notifications` }).click();

  await expect(bar(page)).toBeVisible();
  await expect(bar(page)).toHaveAttribute('aria-valuemax', String(count));
  await expect.poll(() => valueNow(page), { timeout: 30_000 }).toBeGreaterThan(100);
  const early = await valueNow(page);
  await expect(
    page.getByText(/^Dismissing [\d,]+ of 1,\d{3} · about \d+ (s|min) left$/),
  ).toBeVisible();
  // Rows leave and the count falls while it runs, not all at once at the end.
  for (const id of firstRows)
    await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(0);
  const shownTotal = Number((await summary(page).textContent())?.split(' ')[0]?.replace(/,/g, ''));
  expect(shownTotal).toBeLessThan(inboxIds.length - 100);
  await expect.poll(() => valueNow(page), { timeout: 30_000 }).toBeGreaterThan(early + 200);
  expect(await bar(page).count()).toBe(1);
  // Far down the list, the bar and its Cancel stay on screen (fresh-eyes finding: they were 4,400 px above).
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  await expect(bar(page)).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));

  await expect(
    page.getByText(`Dismissed ${count.toLocaleString('en-US')} notifications`),
  ).toBeVisible({
    timeout: 180_000,
  });
  await expect(bar(page)).toHaveCount(0);
  await expect(summary(page)).toHaveText('1 notification');
  const patches = patchesBy('dismiss');
  expect(patches.size).toBe(count);
  expect(sentTwice(patches)).toEqual([]);
  expect(undismissedIds()).toHaveLength(1);
  // Paced from the server's RateLimit headers: never refused.
  expect(refused).toEqual([]);
});

test('Cancel stops it midway; what was done stays done, and one Undo restores exactly that', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const refused: number[] = [];
  const { count } = await selectAllButOne(page, refused);
  await page.getByRole('button', { name: `Dismiss ${n(count)} notifications` }).click();
  await expect.poll(() => valueNow(page), { timeout: 45_000 }).toBeGreaterThan(300);
  await page.getByRole('button', { name: 'Cancel' }).click();
  const stopped = page.getByText(/^Stopped: dismissed ([\d,]+) of 1,\d{3} notifications$/);
  await expect(stopped).toBeVisible();
  const done = Number(
    (await stopped.textContent())?.match(/dismissed ([\d,]+)/)?.[1]?.replace(',', ''),
  );
  expect(done).toBeGreaterThan(300);
  expect(done).toBeLessThan(count);
  await expect(bar(page)).toHaveCount(0);
  // Done stays done: exactly those are dismissed upstream, each once, and nothing more is sent.
  await page.waitForTimeout(1_500);
  const patches = patchesBy('dismiss');
  expect(patches.size).toBe(done);
  expect(sentTwice(patches)).toEqual([]);
  expect(inboxIds.length - undismissedIds().length).toBe(done);
  await expect(summary(page)).toHaveText(`${n(inboxIds.length - done)} notifications`);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByText(`Restored ${done.toLocaleString('en-US')} notifications`),
  ).toBeVisible({
    timeout: 120_000,
  });
  expect(undismissedIds()).toEqual(inboxIds);
  const restores = patchesBy('undismiss');
  expect(restores.size).toBe(done);
  expect(sentTwice(restores)).toEqual([]);
  await expect(summary(page)).toHaveText(`${n(inboxIds.length)} notifications`);
  expect(refused).toEqual([]);
});

test('a reload midway resumes it from the outbox, and no item is sent twice', async ({ page }) => {
  test.setTimeout(240_000);
  const refused: number[] = [];
  const { count, kept } = await selectAllButOne(page, refused);
  await page.getByRole('button', { name: `Dismiss ${n(count)} notifications` }).click();
  await expect.poll(() => valueNow(page), { timeout: 45_000 }).toBeGreaterThan(300);
  const beforeReload = patchesBy('dismiss').size;
  await page.reload();
  // The next page picks it up where it was: the bar comes back, past where the reload cut it.
  await expect(bar(page)).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => valueNow(page), { timeout: 45_000 }).toBeGreaterThan(300);
  expect(beforeReload).toBeLessThan(count);
  await expect(
    page.getByText(`Dismissed ${count.toLocaleString('en-US')} notifications`),
  ).toBeVisible({
    timeout: 180_000,
  });
  const patches = patchesBy('dismiss');
  expect(sentTwice(patches)).toEqual([]);
  expect(patches.size).toBe(count);
  expect(undismissedIds()).toEqual([kept]);
  // What was in flight at the reload (at most the four under way) was read back, not sent blind.
  const readBack = standin.requests.filter(
    (request) =>
      request.method === 'GET' && /^\/api\/v2\/notifications\/\d+(\?|$)/.test(request.path),
  );
  expect(readBack.length).toBeLessThanOrEqual(4);
  await expect(summary(page)).toHaveText('1 notification');
});

test('the whole Inbox, unfiltered, is dismissed in one documented request, and the app says so', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`${inbox.base}/`);
  const total = inboxIds.length;
  await rows(page).first().getByRole('checkbox').check();
  await page.getByRole('button', { name: `Select all ${n(total)} matching` }).click();
  await expect(page.getByText(`${n(total)} selected`)).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('button', {
      name: `Dismiss all ${n(total)} notifications of your Inbox in one request`,
    })
    .click();
  await expect(
    page.getByText(`Dismissed ${total.toLocaleString('en-US')} notifications`),
  ).toBeVisible({
    timeout: 30_000,
  });
  const wholeInbox = standin.requests.filter(
    (request) =>
      request.method === 'PATCH' &&
      /^\/api\/v2\/organization_memberships\/\d+\/dismiss_notifications$/.test(request.path),
  );
  expect(wholeInbox).toHaveLength(1);
  expect(patchesBy('dismiss').size).toBe(0);
  expect(undismissedIds()).toEqual([]);
  await expect(summary(page)).toHaveText('0 notifications');
});
