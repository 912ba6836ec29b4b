import { expect, test } from '@playwright/test';
import { OwnServer } from './support/own-server.ts';
import { screenMatches } from './support/api.ts';

const server = new OwnServer(Number(process.env.E2E_PORT ?? 4319) + 11);
const base = server.base;

test('the server stops and restarts under the app: actions wait, nothing is lost, the app recovers by itself', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await server.start();
  try {
    await page.goto(`${base}/`);
    const rows = page.getByTestId('notification-row');
    await expect(rows.first()).toBeVisible();
    // The app's code has all arrived (its actions load after the first rows, decision 023; with the service
    // worker they are on the device from the first visit): the server goes away under a running app.
    await page.waitForLoadState('networkidle');
    const list = (await (
      await fetch(`${base}/api/v2/notifications?filter[dismissed]=false&page[size]=10`)
    ).json()) as { data: { id: string; attributes: { read: boolean } }[] };
    const toDismiss = list.data[0]?.id as string;
    const toRead = list.data.find((item) => !item.attributes.read && item.id !== toDismiss)
      ?.id as string;

    await server.stop();

    // While the server is down: the actions show at once, and wait.
    await page
      .locator(`[data-notification-id="${toDismiss}"]`)
      .getByRole('button', { name: /^Dismiss:/ })
      .click();
    await expect(page.locator(`[data-notification-id="${toDismiss}"]`)).toHaveCount(0);
    const readRow = page.locator(`[data-notification-id="${toRead}"]`);
    await readRow.getByRole('button', { name: /^Mark as read:/ }).click();
    await expect(readRow).toHaveAttribute('data-read', 'true');
    await expect(page.getByText('The server cannot be reached')).toBeVisible({ timeout: 10_000 });
    // Flush the held read now rather than after the undo window, as leaving the tab would.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect(readRow.getByText('Waiting to sync')).toBeVisible({ timeout: 10_000 });
    // Down for longer than a few quick retries would cover: still nothing rolled back.
    await page.waitForTimeout(9000);
    await expect(page.locator(`[data-notification-id="${toDismiss}"]`)).toHaveCount(0);
    await expect(readRow).toHaveAttribute('data-read', 'true');

    await server.start();

    // Back up: both actions arrive without the user doing anything, and the screen equals the server.
    const attributes = async (id: string) =>
      (
        (await (await fetch(`${base}/api/v2/notifications/${id}`)).json()) as {
          data: { attributes: { read: boolean; dismissed: boolean } };
        }
      ).data.attributes;
    await expect
      .poll(async () => (await attributes(toDismiss)).dismissed, { timeout: 30_000 })
      .toBe(true);
    await expect.poll(async () => (await attributes(toRead)).read, { timeout: 30_000 }).toBe(true);
    await expect(page.getByText('The server cannot be reached')).toHaveCount(0, {
      timeout: 15_000,
    });
    const serverIds = async () =>
      (
        (await (
          await fetch(`${base}/api/v2/notifications?filter[dismissed]=false&page[size]=50`)
        ).json()) as { data: { id: string }[] }
      ).data.map((item) => item.id);
    await expect
      .poll(async () => screenMatches(page, await serverIds()), { timeout: 15_000 })
      .toBe('match');
  } finally {
    await server.stop();
  }
});
