import { seededRandom } from './support/random.ts';
import { expect, test, type Page } from '@playwright/test';
import { OwnServer } from './support/own-server.ts';
import { screenMatches } from './support/api.ts';

// Hundreds of actions would use up the shared server's unread rows: this test has a server of its own.
const server = new OwnServer(Number(process.env.E2E_PORT ?? 4319) + 12);
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());

/** The rows in the DOM with their read state. */
const screenRows = (page: Page) =>
  page.getByTestId('notification-row').evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-notification-id') as string,
      read: element.getAttribute('data-read') === 'true',
    })),
  );

test('200 random actions with random latencies and failures: the final screen equals the server', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const r = seededRandom(42);
  let failures = 0;
  await page.route('**/api/v2/notifications/*/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, r.int(400)));
    if (r.next() < 0.12) {
      failures++;
      return route.fulfill({
        status: r.pick([500, 502, 503]),
        contentType: 'application/vnd.api+json',
        body: '{"errors":[{"status":"500","title":"Server Error","detail":"Injected failure"}]}',
      });
    }
    return route.continue();
  });

  await page.goto(`${server.base}/`);
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  let done = 0;
  for (let attempt = 0; done < 200 && attempt < 600; attempt++) {
    const rows = page.getByTestId('notification-row');
    const count = Math.min(await rows.count(), 8);
    if (count === 0) break;
    const row = rows.nth(r.int(count));
    const roll = r.next();
    try {
      if (roll < 0.4) await row.getByRole('button', { name: /^Dismiss:/ }).click({ timeout: 500 });
      else if (roll < 0.75)
        await row.getByRole('button', { name: /^Mark as read:/ }).click({ timeout: 500 });
      else if (roll < 0.85) await page.keyboard.press('z');
      else if (roll < 0.92) {
        const retry = page
          .getByRole('alert')
          .getByRole('button', { name: /^Retry/ })
          .first();
        await retry.click({ timeout: 500 });
      } else {
        // Keyboard: focus a row, then read or dismiss it.
        await row.focus({ timeout: 500 });
        await page.keyboard.press(r.next() < 0.5 ? 'e' : 'Shift+I');
      }
      done++;
    } catch {
      // The row changed under the pointer (rolled back, refetched, already read): pick another.
    }
    await page.waitForTimeout(r.int(120));
  }
  expect(done).toBe(200);
  expect(failures).toBeGreaterThan(0);

  // Let held reads go out and everything settle, then compare the screen with the server.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  await page.unrouteAll({ behavior: 'wait' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect
    .poll(
      async () => {
        const { data } = await server.get<{
          data: { id: string; attributes: { read: boolean } }[];
        }>('/notifications?filter[dismissed]=false&page[size]=50');
        const ids = data.map((item) => item.id);
        const order = await screenMatches(page, ids);
        if (order !== 'match')
          return `${order} at scrollY ${await page.evaluate(() => window.scrollY)}, ${page.url()}`;
        const serverRead = new Map(data.map((item) => [item.id, item.attributes.read]));
        const wrong = (await screenRows(page)).filter((row) => serverRead.get(row.id) !== row.read);
        return wrong.length ? `read state differs: ${JSON.stringify(wrong)}` : 'match';
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe('match');
});
