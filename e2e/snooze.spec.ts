import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { InboxProcess } from './support/inbox-process.ts';

/** Wednesday 2 December 2026, 10:00 in Zagreb. */
const T0 = Date.parse('2026-12-02T09:00:00Z');
const HOUR = 3_600_000;

// Snoozing against the real server and its real SQLite, on a server of this file's own (it moves the server's
// clock and stops and starts it). INBOX_TEST_CLOCK=<instant> starts the server's snooze clock at T0, so no snooze
// round ever runs on the machine's real clock, whatever today's date (decision 009); POST /api/inbox/test-clock
// moves it.
const server = new InboxProcess(Number(process.env.E2E_PORT ?? 4319) + 5, {
  INBOX_TEST_CLOCK: new Date(T0).toISOString(),
});
const base = server.base;

test.use({ timezoneId: 'Europe/Zagreb' });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

interface ApiSnooze {
  id: string;
  state: string;
  wakeAt: string;
  newActivityCount: number;
}

async function setServerClock(ms: number) {
  const response = await fetch(`${base}/api/inbox/test-clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ now: new Date(ms).toISOString() }),
  });
  expect(response.status).toBe(200);
}
const serverSnoozes = async () =>
  ((await (await fetch(`${base}/api/inbox/snoozes`)).json()) as { data: ApiSnooze[] }).data;
const dismissedOnServer = async (id: string) =>
  (
    (await (await fetch(`${base}/api/v2/notifications/${id}`)).json()) as {
      data: { attributes: { dismissed: boolean } };
    }
  ).data.attributes.dismissed;

const rows = (page: Page) => page.getByTestId('notification-row');
const row = (page: Page, id: string) =>
  page.locator(`[data-testid="notification-row"][data-notification-id="${id}"]`);
const rowIds = (page: Page) =>
  rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-notification-id') as string),
  );
const snoozedRows = (page: Page) => page.getByTestId('snoozed-row');
const snoozedRow = (page: Page, id: string) =>
  page.locator(`[data-testid="snoozed-row"][data-notification-id="${id}"]`);
/** A view in the navigation. */
const view = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
/** The toasts' polite live region. */
const announcements = (page: Page) => page.locator('[role="status"]').last();

/** The inbox at T0 in the browser and on the server. */
async function openAtT0(page: Page) {
  await setServerClock(T0);
  await page.clock.install({ time: T0 });
  await page.goto(`${base}/`);
  await expect(rows(page).first()).toBeVisible();
}

/** Undoes every snooze and wake left by a test, so that the next one starts from the same inbox. */
async function undoAllSnoozes() {
  for (const snooze of await serverSnoozes()) {
    await fetch(`${base}/api/inbox/snoozes/${snooze.id}`, { method: 'DELETE' });
    await fetch(`${base}/api/inbox/snoozes/${snooze.id}/acknowledge`, { method: 'POST' });
    await fetch(`${base}/api/v2/notifications/${snooze.id}/undismiss`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
  }
}
test.afterEach(undoAllSnoozes);

test('snooze one row and three selected rows: they leave the Inbox, wait in Snoozed through a reload and a restart, and come back marked at the top when their time comes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openAtT0(page);
  const [, , , , , a, b, c, d] = await rowIds(page);
  for (const id of [a, b, c, d]) expect(id).toBeTruthy();
  const [one, ...three] = [a, b, c, d] as string[];

  // One row, from its own menu: "Later today" is 13:00, as the menu says (in the browser's en-US clock).
  await row(page, one as string)
    .getByRole('button', { name: /^Snooze:/ })
    .click();
  const later = page.getByRole('menuitem', { name: /^Later today/ });
  await expect(later).toContainText('Wed 1:00 PM');
  await later.click();
  await expect(row(page, one as string)).toHaveCount(0);
  await expect(announcements(page)).toContainText(/Snoozed .* until Wed 1:00 PM/);

  // Three selected rows, from the selection bar: tomorrow at 9:00.
  for (const id of three) await row(page, id).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Snooze 3 notifications' }).click();
  await page.getByRole('menuitem', { name: /^Tomorrow morning/ }).click();
  for (const id of three) await expect(row(page, id)).toHaveCount(0);
  await expect(announcements(page)).toContainText('Snoozed 3 notifications until Thu 9:00 AM');

  // On the server: scheduled, and dismissed (so they leave Productive's inbox too).
  await expect
    .poll(async () =>
      (await serverSnoozes()).map(({ id, state, wakeAt }) => `${id} ${state} ${wakeAt}`).sort(),
    )
    .toEqual(
      [
        `${one} scheduled 2026-12-02T12:00:00.000Z`,
        ...three.map((id) => `${id} scheduled 2026-12-03T08:00:00.000Z`),
      ].sort(),
    );
  for (const id of [one, ...three]) expect(await dismissedOnServer(id as string)).toBe(true);

  // The Snoozed view lists them with their wake times, through a reload and a server restart.
  const expectSnoozedView = async () => {
    await expect(snoozedRows(page)).toHaveCount(4);
    await expect(snoozedRows(page).first()).toHaveAttribute('data-notification-id', one as string);
    await expect(snoozedRows(page).first().getByTestId('wake-time')).toHaveText(
      'Wakes Wed 1:00 PM',
    );
    for (const id of three)
      await expect(snoozedRow(page, id).getByTestId('wake-time')).toHaveText('Wakes Thu 9:00 AM');
  };
  await view(page, 'Snoozed').click();
  await expect(page).toHaveURL(`${base}/snoozed`);
  await expectSnoozedView();
  await page.reload();
  await expectSnoozedView();
  await server.stop();
  // The restarted server's clock starts at T0 again (its setting), so its first round sees nothing due.
  await server.start();
  await page.reload();
  await expectSnoozedView();
  await view(page, 'Inbox').click();
  await expect(rows(page).first()).toBeVisible();
  for (const id of [one, ...three]) await expect(row(page, id as string)).toHaveCount(0);

  // New activity on a snoozed one brings it back in the database (as Productive would); it stays snoozed, counted.
  const db = new DatabaseSync(join(server.dataDir, 'inbox.db'));
  db.prepare(
    'UPDATE notifications SET dismissed = 0, last_action_at = ?, last_action_ms = ? WHERE id = ?',
  ).run(new Date(T0 + 60_000).toISOString(), T0 + 60_000, Number(three[2]));
  db.close();
  await setServerClock(T0 + 2 * 60_000);
  expect(await dismissedOnServer(three[2] as string)).toBe(true);

  // Time moves past 13:00 (server and browser): the first comes back at the top, marked, without a reload.
  await setServerClock(T0 + 3 * HOUR + 60_000);
  await page.clock.fastForward('03:01:00');
  await expect.poll(() => rowIds(page).then((ids) => ids[0]), { timeout: 15_000 }).toBe(one);
  await expect(row(page, one as string).getByText('Back from snooze')).toBeVisible();
  expect(await dismissedOnServer(one as string)).toBe(false);
  // Still so after a reload: marked until read or dismissed.
  await page.reload();
  await expect(rows(page).first()).toHaveAttribute('data-notification-id', one as string);
  await expect(row(page, one as string).getByText('Back from snooze')).toBeVisible();

  // Snoozed: the other three wait, one with the new activity counted; "Wake now" brings one back at once.
  await view(page, 'Snoozed').click();
  await expect(snoozedRows(page)).toHaveCount(3);
  await expect(snoozedRow(page, three[2] as string)).toContainText('1 new activity while snoozed');
  await snoozedRow(page, three[0] as string)
    .getByRole('button', { name: /^Wake now:/ })
    .click();
  await expect(snoozedRows(page)).toHaveCount(2);
  await expect
    .poll(async () => (await serverSnoozes()).find((snooze) => snooze.id === three[0])?.state)
    .toBe('woken');
  await view(page, 'Inbox').click();
  await expect
    .poll(async () => (await rowIds(page)).slice(0, 2).sort())
    .toEqual([one, three[0]].sort());
  await expect(row(page, three[0] as string).getByText('Back from snooze')).toBeVisible();

  // Dismissing one back from snooze ends its mark (acknowledged on the server).
  await row(page, one as string)
    .getByRole('button', { name: /^Dismiss:/ })
    .click();
  await expect(row(page, one as string)).toHaveCount(0);
  await expect
    .poll(async () => (await serverSnoozes()).some((snooze) => snooze.id === one), {
      timeout: 15_000,
    })
    .toBe(false);
});

test('undo of a snooze sends exactly one DELETE and the row comes back; z undoes too', async ({
  page,
}) => {
  await openAtT0(page);
  const deletes: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && request.url().includes('/api/inbox/snoozes/'))
      deletes.push(request.url());
  });
  const [first, second] = await rowIds(page);

  await row(page, first as string)
    .getByRole('button', { name: /^Snooze:/ })
    .click();
  await page.getByRole('menuitem', { name: /^Next Monday morning/ }).click();
  await expect(row(page, first as string)).toHaveCount(0);
  const toast = announcements(page).locator('div', { hasText: /Snoozed .* until Mon 9:00 AM/ });
  await expect.poll(async () => (await serverSnoozes()).length).toBe(1);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, first as string)).toBeVisible();
  await expect.poll(() => deletes.length).toBe(1);
  await expect.poll(serverSnoozes).toEqual([]);
  expect(await dismissedOnServer(first as string)).toBe(false);
  await page.waitForTimeout(1000);
  expect(deletes).toHaveLength(1);

  // z undoes the newest snooze the same way.
  await row(page, second as string)
    .getByRole('button', { name: /^Snooze:/ })
    .click();
  await page.getByRole('menuitem', { name: /^Tomorrow morning/ }).click();
  await expect(row(page, second as string)).toHaveCount(0);
  await expect.poll(async () => (await serverSnoozes()).length).toBe(1);
  await page.keyboard.press('z');
  await expect(row(page, second as string)).toBeVisible();
  await expect.poll(() => deletes.length).toBe(2);
  await expect.poll(serverSnoozes).toEqual([]);
});

test('keyboard only: h opens the menu on the current row, arrows and Enter snooze it, Esc gives focus back', async ({
  page,
}) => {
  await openAtT0(page);
  const [first, second] = await rowIds(page);
  await page.keyboard.press('j');
  await expect(row(page, first as string)).toBeFocused();

  // h opens the menu on its first item; Esc closes it and focus is on the row's Snooze button.
  await page.keyboard.press('h');
  await expect(page.getByRole('menuitem', { name: /^Later today/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(row(page, first as string).getByRole('button', { name: /^Snooze:/ })).toBeFocused();
  // Keys in the open menu are the menu's: j does not move the current row, e does not dismiss.
  await page.keyboard.press('h');
  await expect(page.getByRole('menuitem', { name: /^Later today/ })).toBeFocused();
  await page.keyboard.press('e');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /^Tomorrow morning/ })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(row(page, first as string)).toHaveCount(0);
  await expect(announcements(page)).toContainText(/Snoozed .* until Thu 9:00 AM/);
  // Focus moves on to the next row, as after a dismiss.
  await expect(row(page, second as string)).toBeFocused();
  await expect
    .poll(async () => (await serverSnoozes()).map((snooze) => snooze.id))
    .toEqual([first]);
  expect(await dismissedOnServer(second as string)).toBe(false);
});

test('the menu fits and works at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtT0(page);
  const [first] = await rowIds(page);
  await row(page, first as string)
    .getByRole('button', { name: /^Snooze:/ })
    .click();
  const panel = page.getByTestId('snooze-panel');
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox()) ?? { x: -1, y: -1, width: 0, height: 0 };
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  // The picker too: a past time is refused in words.
  await page.getByRole('menuitem', { name: 'Pick a date and time…' }).click();
  const field = page.getByLabel('Wake it at');
  await field.fill('2026-12-01T09:00');
  await page.getByRole('button', { name: 'Snooze', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That time has passed' })).toBeVisible();
  await field.fill('2026-12-04T15:30');
  await page.getByRole('button', { name: 'Snooze', exact: true }).click();
  await expect(row(page, first as string)).toHaveCount(0);
  await expect
    .poll(async () => (await serverSnoozes()).map((snooze) => snooze.wakeAt))
    .toEqual(['2026-12-04T14:30:00.000Z']);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`snoozing has no axe violations (${colorScheme})`, async ({ page }) => {
    // Five axe runs over the whole page: more than the default 30 s on a loaded machine.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    await openAtT0(page);
    const [first, second] = await rowIds(page);
    await row(page, first as string)
      .getByRole('button', { name: /^Snooze:/ })
      .click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoViolations(page, `snooze menu open (${colorScheme})`);
    await page.getByRole('menuitem', { name: 'Pick a date and time…' }).click();
    await page.getByLabel('Wake it at').fill('2026-12-01T09:00');
    await page.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'That time has passed' })).toBeVisible();
    await expectNoViolations(page, `snooze picker with an error (${colorScheme})`);
    await page.keyboard.press('Escape');

    await view(page, 'Snoozed').click();
    await expect(page.getByText('Nothing snoozed')).toBeVisible();
    await expectNoViolations(page, `Snoozed view, empty (${colorScheme})`);
    await view(page, 'Inbox').click();
    for (const id of [first, second]) {
      await row(page, id as string)
        .getByRole('button', { name: /^Snooze:/ })
        .click();
      await page.getByRole('menuitem', { name: /^Later today/ }).click();
      await expect(row(page, id as string)).toHaveCount(0);
    }
    await view(page, 'Snoozed').click();
    await expect(snoozedRows(page)).toHaveCount(2);
    await expectNoViolations(page, `Snoozed view with snoozes (${colorScheme})`);

    await setServerClock(T0 + 3 * HOUR + 60_000);
    await page.clock.fastForward('03:01:00');
    await view(page, 'Inbox').click();
    await expect(rows(page).first().getByText('Back from snooze')).toBeVisible({ timeout: 15_000 });
    await expectNoViolations(page, `back from snooze (${colorScheme})`);
  });
}

test.describe('with the app shell in the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a snooze made while the server is down survives a reload and is sent when it is back', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // This test runs on the real clock (the browser's is not installed): the restart below starts the server's
    // clock at the real time too.
    await setServerClock(Date.now());
    await page.goto(`${base}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect(rows(page).first()).toBeVisible();
    // The menu's panel is fetched once the page is idle (and so kept by the service worker).
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((entry) => entry.name.includes('SnoozePanel')),
        ),
      )
      .toBe(true);
    const [first] = await rowIds(page);
    await server.stop();
    try {
      await row(page, first as string)
        .getByRole('button', { name: /^Snooze:/ })
        .click();
      await page.getByRole('menuitem', { name: /^Tomorrow morning/ }).click();
      await expect(row(page, first as string)).toHaveCount(0);
      await page.reload();
      await expect(rows(page).first()).toBeVisible();
      await expect(page.getByText('The server cannot be reached')).toBeVisible();
      await expect(row(page, first as string)).toHaveCount(0);
    } finally {
      server.setEnv({ INBOX_TEST_CLOCK: new Date().toISOString() });
      await server.start();
      server.setEnv({ INBOX_TEST_CLOCK: new Date(T0).toISOString() });
    }
    await expect
      .poll(async () => (await serverSnoozes()).map((snooze) => snooze.id), { timeout: 20_000 })
      .toEqual([first]);
    expect(await dismissedOnServer(first as string)).toBe(true);
    await expect(row(page, first as string)).toHaveCount(0);
    await view(page, 'Snoozed').click();
    await expect(snoozedRow(page, first as string)).toBeVisible();
  });
});

test.describe('fresh-eyes findings', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('Wake now moves focus to the next row’s Wake now, never to the page', async ({ page }) => {
    await openAtT0(page);
    const ids = (await rowIds(page)).slice(0, 2);
    for (const id of ids) {
      const response = await fetch(`${base}/api/inbox/snoozes/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ wakeAt: new Date(T0 + 5 * HOUR).toISOString() }),
      });
      expect(response.status).toBe(200);
    }
    await page.goto(`${base}/snoozed`);
    await expect(snoozedRows(page)).toHaveCount(2);
    const wakeButtons = page.getByRole('button', { name: /^Wake now/ });
    await wakeButtons.first().focus();
    await page.keyboard.press('Enter');
    await expect(snoozedRows(page)).toHaveCount(1);
    await expect(wakeButtons.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(snoozedRows(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Snoozed', level: 1 })).toBeFocused();
  });

  test('a notification read before it was snoozed loses its "Back from snooze" mark once opened', async ({
    page,
  }) => {
    await openAtT0(page);
    const states = await rows(page).evaluateAll((elements) =>
      elements.map((element) => [
        element.getAttribute('data-notification-id') as string,
        element.getAttribute('data-read') === 'true',
      ]),
    );
    const read = states.find(([, isRead]) => isRead)?.[0] as string;
    expect(read, 'a read notification').toBeDefined();
    const response = await fetch(`${base}/api/inbox/snoozes/${read}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ wakeAt: new Date(T0 + HOUR).toISOString() }),
    });
    expect(response.status).toBe(200);
    await setServerClock(T0 + 2 * HOUR);
    await page.clock.setFixedTime(T0 + 2 * HOUR);
    await page.reload();
    const back = row(page, read);
    await expect(back).toContainText('Back from snooze');
    await back.getByRole('link').first().click();
    await expect(page.getByRole('region', { name: 'Reading pane' })).toBeVisible();
    await expect(back).not.toContainText('Back from snooze');
    await expect
      .poll(async () => (await serverSnoozes()).find((snooze) => snooze.id === read)?.state ?? null)
      .toBeNull();
    await page.reload();
    await expect(row(page, read)).not.toContainText('Back from snooze');
  });
});
