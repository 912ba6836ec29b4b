import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenMatches } from './support/api.ts';

const PORT = Number(process.env.E2E_PORT ?? 4319) + 11;
const base = `http://127.0.0.1:${PORT}`;
const database = join(mkdtempSync(join(tmpdir(), 'inbox-restart-')), 'inbox.db');

/** A server of our own, on its own database, that the test can stop and start. */
async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', INBOX_DB: database },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const up = await fetch(`${base}/api/v2/projects?page[size]=1`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('The server did not start');
}

async function stopServer(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

test('the server stops and restarts under the app: actions wait, nothing is lost, the app recovers by itself', async ({
  page,
}) => {
  test.setTimeout(120_000);
  let server = await startServer();
  try {
    await page.goto(`${base}/`);
    const rows = page.getByTestId('notification-row');
    await expect(rows.first()).toBeVisible();
    const list = (await (
      await fetch(`${base}/api/v2/notifications?filter[dismissed]=false&page[size]=10`)
    ).json()) as { data: { id: string; attributes: { read: boolean } }[] };
    const toDismiss = list.data[0]?.id as string;
    const toRead = list.data.find((item) => !item.attributes.read && item.id !== toDismiss)
      ?.id as string;

    await stopServer(server);

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

    server = await startServer();

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
    await stopServer(server);
  }
});
