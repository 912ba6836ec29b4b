import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { InboxProcess } from './support/inbox-process.ts';

// Saved views against the real server and its real SQLite, on a server of this file's own (its views would show in
// every other spec's sidebar otherwise).
const server = new InboxProcess(Number(process.env.E2E_PORT ?? 4319) + 29, {});
const base = server.base;
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

interface ApiView {
  id: string;
  name: string;
  address: string;
}
const serverViews = async () =>
  ((await (await fetch(`${base}/api/inbox/views`)).json()) as { data: ApiView[] }).data;
test.afterEach(async () => {
  for (const view of await serverViews()) {
    await fetch(`${base}/api/inbox/views/${view.id}`, { method: 'DELETE' });
  }
});

/** The truth: how many unread notifications the API holds for these filters, counted over every page. */
async function unreadOnServer(filters: Record<string, string>) {
  let unread = 0;
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({
      ...filters,
      'page[size]': '200',
      'page[number]': String(page),
    });
    const body = (await (await fetch(`${base}/api/v2/notifications?${params}`)).json()) as {
      data: { attributes: { read: boolean } }[];
    };
    unread += body.data.filter((item) => !item.attributes.read).length;
    if (body.data.length < 200) return unread;
  }
}

const savedViews = (page: Page) => page.getByRole('navigation', { name: 'Saved views' });
const savedLinks = (page: Page) => savedViews(page).getByRole('link');
const rows = (page: Page) => page.getByTestId('notification-row');

async function saveView(page: Page, name: string) {
  await page.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(savedLinks(page).filter({ hasText: name })).toBeVisible();
}

test('save, count, open with g 1, rename, reorder (buttons, Alt+arrows, drag) and delete; another browser sees them', async ({
  page,
  browser,
}) => {
  // What the address holds is saved as it is: a grouping too. (A search in a saved view narrows its count, as the
  // replica's unit test shows; the server's truth here has no search.)
  await page.goto(`${base}/mentions?type=task&group=project`);
  await expect(rows(page).first()).toBeVisible();
  await saveView(page, 'Task mentions');
  await page.goto(`${base}/?importance=important`);
  await expect(rows(page).first()).toBeVisible();
  await saveView(page, 'Important');
  expect((await serverViews()).map((view) => [view.name, view.address])).toEqual([
    ['Task mentions', '/mentions?type=task&group=project'],
    ['Important', '/?importance=important'],
  ]);

  // Each count is the view's truth on the server.
  const counts = savedViews(page).getByTestId('saved-view-count');
  const mentionsTruth = await unreadOnServer({
    'filter[dismissed]': 'false',
    'filter[mention]': 'true',
    'filter[type]': 'Task',
  });
  const importantTruth = await unreadOnServer({
    'filter[dismissed]': 'false',
    'filter[important]': 'true',
  });
  await expect(counts).toHaveText([String(mentionsTruth), String(importantTruth)]);
  expect(importantTruth).toBeGreaterThan(0);

  // Dismissing an unread one there: its count follows.
  await page.goto(`${base}/?importance=important&read=unread`);
  await rows(page)
    .first()
    .getByRole('button', { name: /^Dismiss: / })
    .click();
  await expect(counts.nth(1)).toHaveText(String(importantTruth - 1));
  expect(await unreadOnServer({ 'filter[dismissed]': 'false', 'filter[important]': 'true' })).toBe(
    importantTruth - 1,
  );

  // g 1 opens the first, g 2 the second.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('g');
  await page.keyboard.press('1');
  await expect(page).toHaveURL(`${base}/mentions?type=task&group=project`);
  await expect(savedLinks(page).first()).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('g');
  await page.keyboard.press('2');
  await expect(page).toHaveURL(`${base}/?importance=important`);

  // Another browser (no shared storage) sees the same views: they are the person's, on the server.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`${base}/`);
  await expect(savedLinks(otherPage)).toHaveText([/^Task mentions/, /^Important/]);
  await other.close();

  // Reorder with the buttons, announced.
  await savedViews(page).getByRole('button', { name: 'Edit' }).click();
  await savedViews(page).getByRole('button', { name: 'Move Important up' }).click();
  await expect(savedLinks(page)).toHaveText([/^Important/, /^Task mentions/]);
  await expect(savedViews(page).locator('[aria-live]')).toHaveText(
    'Moved Important to position 1 of 2',
  );
  await expect
    .poll(async () => (await serverViews()).map((view) => view.name))
    .toEqual(['Important', 'Task mentions']);
  // With Alt+↓ on a link.
  await savedViews(page).getByRole('button', { name: 'Done' }).click();
  await savedLinks(page).first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(savedLinks(page)).toHaveText([/^Task mentions/, /^Important/]);
  await expect
    .poll(async () => (await serverViews()).map((view) => view.name))
    .toEqual(['Task mentions', 'Important']);
  // By dragging.
  await savedViews(page)
    .getByTestId('saved-view')
    .nth(1)
    .dragTo(savedViews(page).getByTestId('saved-view').nth(0));
  await expect(savedLinks(page)).toHaveText([/^Important/, /^Task mentions/]);
  await expect
    .poll(async () => (await serverViews()).map((view) => view.name))
    .toEqual(['Important', 'Task mentions']);

  // Rename, then delete; both kept across a reload.
  await savedViews(page).getByRole('button', { name: 'Edit' }).click();
  await savedViews(page).getByRole('button', { name: 'Rename Task mentions' }).click();
  await savedViews(page).getByLabel('New name for Task mentions').fill('Launch tasks');
  await savedViews(page).getByRole('button', { name: 'Save' }).click();
  await savedViews(page).getByRole('button', { name: 'Delete Important' }).click();
  await expect(savedLinks(page)).toHaveText([/^Launch tasks/]);
  // A delete can be undone: the view is back in its place, on the server too.
  await expect(page.getByText('Deleted the view “Important”')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(savedLinks(page)).toHaveText([/^Important/, /^Launch tasks/]);
  await expect
    .poll(async () => (await serverViews()).map((view) => [view.name, view.address]))
    .toEqual([
      ['Important', '/?importance=important'],
      ['Launch tasks', '/mentions?type=task&group=project'],
    ]);
  // Two deletes in quick succession (a second click landing on the next Delete): one toast, one Undo for both.
  await savedViews(page).getByRole('button', { name: 'Delete Important' }).click();
  await savedViews(page).getByRole('button', { name: 'Delete Launch tasks' }).click();
  await expect(savedLinks(page)).toHaveCount(0);
  await expect(page.getByText('Deleted 2 views')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(savedLinks(page)).toHaveText([/^Important/, /^Launch tasks/]);
  await expect
    .poll(async () => (await serverViews()).map((view) => view.name))
    .toEqual(['Important', 'Launch tasks']);
  await savedViews(page).getByRole('button', { name: 'Delete Important' }).click();
  await expect(savedLinks(page)).toHaveText([/^Launch tasks/]);
  await expect
    .poll(async () => (await serverViews()).map((view) => view.name))
    .toEqual(['Launch tasks']);
  await page.reload();
  await expect(savedLinks(page)).toHaveText([/^Launch tasks/]);
  expect((await serverViews()).map((view) => view.name)).toEqual(['Launch tasks']);
});

test('a name is required and at most 80 characters; the server says what is wrong with bad input', async ({
  page,
}) => {
  await page.goto(`${base}/`);
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the view a name.');
  await dialog.getByLabel('Name').fill('x'.repeat(100));
  await expect(dialog.getByLabel('Name')).toHaveValue('x'.repeat(80));

  const refused = await fetch(`${base}/api/inbox/views`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ name: 'Elsewhere', address: 'https://example.com/' }),
  });
  expect(refused.status).toBe(422);
  expect(((await refused.json()) as { errors: { detail: string }[] }).errors[0]?.detail).toMatch(
    /inbox address/,
  );
  // Another site cannot write them.
  const crossSite = await fetch(`${base}/api/inbox/views`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    body: JSON.stringify({ name: 'x', address: '/' }),
  });
  expect(crossSite.status).toBe(403);
  expect(await serverViews()).toEqual([]);
});

test('axe-clean with saved views listed, in Edit and in the Save dialog; on a 390 px phone the palette lists them', async ({
  page,
}) => {
  await page.goto(`${base}/?type=task`);
  await expect(rows(page).first()).toBeVisible();
  await saveView(page, 'Tasks');
  await expectNoViolations(page, 'saved views in the sidebar');
  await savedViews(page).getByRole('button', { name: 'Edit' }).click();
  await expectNoViolations(page, 'saved views in Edit');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expectNoViolations(page, 'the Save view dialog');
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  // The phone's one-line header has no room for the list: the command palette reaches them.
  await expect(savedLinks(page).first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save view' })).toBeInViewport();
  await page.getByRole('button', { name: 'Commands' }).click();
  await page.getByRole('combobox', { name: 'Find an action or place' }).fill('Tasks');
  await expect(page.getByRole('option', { name: /Tasks/ }).first()).toContainText('g then 1');
  await page.keyboard.press('Escape');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(
    rows(page)
      .first()
      .getByRole('button', { name: /^Mute: / }),
  ).toBeInViewport();
});
