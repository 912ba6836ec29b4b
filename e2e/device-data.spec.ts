import { expect, test, type Page } from '@playwright/test';
import {
  startStandin,
  STANDIN_PEOPLE,
  type StandinPerson,
} from '../server/testing/productive-standin.ts';
import { InboxProcess } from './support/inbox-process.ts';

const [ana] = STANDIN_PEOPLE as [StandinPerson];
const port = Number(process.env.E2E_PORT ?? 4319) + 23;
const rows = (page: Page) => page.getByTestId('notification-row');

/** Dismisses the first row while the dismiss cannot reach the server: it waits in the outbox, kept in storage. */
async function dismissFirstUntilQueued(page: Page, timeout = 5_000) {
  await rows(page)
    .first()
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('inbox.actions:demo') ?? ''), { timeout })
    .toContain('"dismiss"');
}

type TitlePage = { data: { attributes: { title: string } }[] };

/**
 * One of the demo's first notifications that the real account has nowhere (both are seeded from one vocabulary,
 * so a title alone may be both's): what must not be left on the device once the address serves the account. Its
 * title as it stands inside stored JSON, and its item's name (the title's first bold part) as a page shows it.
 */
async function demoOnly(demoBase: string, accountUrl: string) {
  const demo = (await (
    await fetch(`${demoBase}/api/v2/notifications?filter[dismissed]=false&page[size]=5`)
  ).json()) as TitlePage;
  const account: string[] = [];
  for (let number = 1; number <= 10; number++) {
    const page = (await (
      await fetch(`${accountUrl}/notifications?page[number]=${number}&page[size]=200`, {
        headers: { 'X-Auth-Token': ana.token, 'X-Organization-Id': ana.organizationId },
      })
    ).json()) as TitlePage;
    account.push(...page.data.map((item) => item.attributes.title));
    if (page.data.length < 200) break;
  }
  for (const { title } of demo.data.map((item) => item.attributes)) {
    const name = /<b>([\w #:[\]-]+)<\/b>/.exec(title)?.[1];
    if (name && !account.some((other) => other.includes(name)))
      return { stored: JSON.stringify(title).slice(1, -1), name };
  }
  throw new Error('Every one of the demo’s first items is also the account’s');
}

/** One address, two servers taking turns on it: the demo, then a real account (personal mode on the stand-in). */
async function demoThenPersonal() {
  const standin = await startStandin();
  const demo = new InboxProcess(port, {});
  const personal = new InboxProcess(port, {
    PRODUCTIVE_API_TOKEN: ana.token,
    PRODUCTIVE_ORGANIZATION_ID: ana.organizationId,
    PRODUCTIVE_API_URL: standin.url,
  });
  return { standin, demo, personal };
}

for (const tab of ['reloaded', 'left open'] as const) {
  test(`an action queued against the demo server is never replayed against a real account on the same address (tab ${tab})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { standin, demo, personal } = await demoThenPersonal();
    try {
      await demo.start();
      await page.goto(`${demo.base}/`);
      await expect(rows(page).first()).toBeVisible();
      const target = (await rows(page).first().getAttribute('data-notification-id')) as string;
      const demoTitle = (await demoOnly(demo.base, standin.url)).stored;
      await page.waitForLoadState('networkidle');
      // The demo's rows are on the device (the saved list), so that their absence later means something.
      await expect
        .poll(() => page.evaluate(() => JSON.stringify({ ...localStorage })), { timeout: 10_000 })
        .toContain(demoTitle);

      // The demo server goes away; a dismiss waits in the queue, kept in storage.
      await demo.stop();
      await dismissFirstUntilQueued(page, 10_000);

      // The same address now serves a real account (personal mode).
      await personal.start();
      // Reloaded, the page starts under the new scope; left open, its next request is refused (409) and it starts
      // afresh by itself.
      if (tab === 'reloaded') await page.reload();
      await expect(rows(page).first()).toBeVisible();
      await expect(page.getByTestId('signed-in-as')).toContainText('Acme Agency', {
        timeout: 30_000,
      });
      await page.waitForTimeout(3000);
      expect(
        standin.requests.filter((request) => request.method !== 'GET'),
        'nothing queued for the demo was sent to the real account',
      ).toEqual([]);
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(stored).not.toContain('inbox.cache:demo');
      expect(stored).not.toContain('inbox.actions:demo');
      expect(stored).not.toContain(demoTitle);
      expect(target).toBeTruthy();
    } finally {
      await personal.stop();
      await demo.stop();
      await standin.close();
    }
  });
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('its copy of the demo page is not what the address shows once it serves a real account', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { standin, demo, personal } = await demoThenPersonal();
    const copy = () =>
      page.evaluate(async () => (await (await caches.match('/?inbox-copy'))?.text()) ?? '');
    try {
      await demo.start();
      await page.goto(`${demo.base}/`);
      await expect(rows(page).first()).toBeVisible();
      const demoItem = (await demoOnly(demo.base, standin.url)).name;
      await expect.poll(copy, { timeout: 15_000 }).toContain(demoItem);
      expect(await copy()).toContain('Demo organization');

      await demo.stop();
      await personal.start();
      // The copy paints the demo's page; its first request is refused (409), the copy goes, and the page starts
      // afresh from the server: the real account, and then its copy.
      await page.reload();
      await expect(page.getByTestId('signed-in-as')).toContainText('Acme Agency', {
        timeout: 30_000,
      });
      await expect.poll(copy, { timeout: 15_000 }).toContain('Acme Agency');
      expect(await copy()).not.toContain(demoItem);
      // And it stays there: a reload paints the real account's copy at once, nothing of the demo's.
      await page.reload();
      await expect(page.getByTestId('signed-in-as')).toContainText('Acme Agency');
      expect(await page.content()).not.toContain('Demo organization');
      expect(
        standin.requests.filter((request) => request.method !== 'GET'),
        'nothing was sent to the real account',
      ).toEqual([]);
    } finally {
      await personal.stop();
      await demo.stop();
      await standin.close();
    }
  });
});

test('"Clear data on this device" drops the saved inbox and the waiting actions, after saying so', async ({
  page,
}) => {
  const demo = new InboxProcess(port, {});
  await demo.start();
  try {
    await page.goto(`${demo.base}/`);
    await expect(rows(page).first()).toBeVisible();
    const target = (await rows(page).first().getAttribute('data-notification-id')) as string;
    // The dismiss cannot get through (a lost connection each time): it waits, retrying.
    await page.route(`**/api/v2/notifications/${target}/dismiss`, (route) => route.abort('failed'));
    await dismissFirstUntilQueued(page);

    await page.getByRole('button', { name: 'Clear data on this device' }).click();
    await expect(page.getByText('1 action not yet sent will be dropped.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Clear data on this device' })).toBeFocused();
    // The page reloads once the device is cleared: wait for that load, not the old page's rows.
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Clear data on this device' }).click();
    await reloaded;
    await expect(rows(page).first()).toBeVisible();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') sent.push(request.url());
    });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.waitForTimeout(2000);
    expect(sent).toEqual([]);
    // The dismiss was dropped, not sent: the row is back and the server never had it.
    await expect(page.locator(`[data-notification-id="${target}"]`)).toBeVisible();
    const server = (await (await fetch(`${demo.base}/api/v2/notifications/${target}`)).json()) as {
      data: { attributes: { dismissed: boolean } };
    };
    expect(server.data.attributes.dismissed).toBe(false);
    // Nothing waits in the queue any more.
    expect(await page.evaluate(() => localStorage.getItem('inbox.actions:demo'))).toBeNull();
  } finally {
    await demo.stop();
  }
});

test('"Clear data on this device" with the server unreachable clears, and says so instead of reloading into an error page', async ({
  page,
}) => {
  const demo = new InboxProcess(port, {});
  await demo.start();
  try {
    await page.goto(`${demo.base}/`);
    await expect(rows(page).first()).toBeVisible();
    const target = (await rows(page).first().getAttribute('data-notification-id')) as string;
    // The row actions' code arrives after the first screen: let it, before the server goes.
    await page.waitForLoadState('networkidle');
    await demo.stop();
    // A dismiss made with the server away keeps retrying in the page's memory.
    await dismissFirstUntilQueued(page);
    await page.getByRole('button', { name: 'Clear data on this device' }).click();
    await expect(page.getByText('1 action not yet sent will be dropped.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear data on this device' }).click();
    await expect(
      page.getByText('Cleared from this device. Reload the page once the inbox server is back.'),
    ).toBeVisible();
    expect(page.url()).toBe(`${demo.base}/`);
    await expect(rows(page)).toHaveCount(0);
    // Nothing still promises to send the dismiss that was dropped (a fresh-eyes finding).
    await expect(page.getByText(/Retrying: 1 action/)).toHaveCount(0);
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key !== 'inbox.theme'),
    );
    expect(stored).toEqual([]);

    // The server comes back under the page that stayed: the dropped dismiss is never sent.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') sent.push(request.url());
    });
    await demo.start();
    await expect(page.locator(`[data-notification-id="${target}"]`)).toBeVisible({
      timeout: 15_000,
    });
    await page.waitForTimeout(5000);
    expect(sent).toEqual([]);
    const server = (await (await fetch(`${demo.base}/api/v2/notifications/${target}`)).json()) as {
      data: { attributes: { dismissed: boolean } };
    };
    expect(server.data.attributes.dismissed).toBe(false);
  } finally {
    await demo.stop();
  }
});
