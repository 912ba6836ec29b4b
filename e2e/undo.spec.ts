import { expect, test, type Page } from '@playwright/test';
import { apiNotification } from './support/api.ts';

// Undo is exact: each toast's Undo works once and goes once used (by its button or by z), focus goes back to the
// row it acted on, and every message tells the truth about what can still be undone.
const rows = (page: Page) => page.getByTestId('notification-row');
const row = (page: Page, id: string) => page.locator(`[data-notification-id="${id}"]`);
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-notification-id') ?? null);

async function rowIdsOf(page: Page, selector: string) {
  await expect(rows(page).first()).toBeVisible();
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).dataset.notificationId ?? ''),
    );
}

test('Undo from the toast: the row comes back with focus on it, and the toast is gone', async ({
  page,
  request,
}) => {
  await page.goto('/?type=task');
  const [id] = await rowIdsOf(page, '[data-testid="notification-row"]');
  await row(page, id as string)
    .getByRole('button', { name: /^Dismiss:/ })
    .click();
  await expect(row(page, id as string)).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toHaveCount(1);
  await undo.click();
  await expect(row(page, id as string)).toHaveCount(1);
  await expect.poll(() => focusedId(page)).toBe(id);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByText(/^Undone: restored/)).toHaveCount(1);
  await expect
    .poll(async () => (await apiNotification(request, id as string)).dismissed)
    .toBe(false);
});

test('z uses the newest toast’s Undo: its button goes, so nothing can be undone twice', async ({
  page,
  request,
}) => {
  await page.goto('/?type=todo');
  const [id] = await rowIdsOf(page, '[data-testid="notification-row"]');
  const undismisses: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().endsWith('/undismiss'))
      undismisses.push(request.url());
  });
  await row(page, id as string)
    .getByRole('button', { name: /^Dismiss:/ })
    .click();
  await expect(row(page, id as string)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(1);
  await page.keyboard.press('z');
  await expect(row(page, id as string)).toHaveCount(1);
  await expect.poll(() => focusedId(page)).toBe(id);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByText(/^Undone: restored/)).toHaveCount(1);
  await page.keyboard.press('z');
  // One toast at a time: the newest says what matters now.
  await expect(page.getByText('Nothing to undo')).toHaveCount(1);
  await expect(page.getByTestId('toast')).toHaveCount(1);
  await expect
    .poll(async () => (await apiNotification(request, id as string)).dismissed)
    .toBe(false);
  await page.waitForTimeout(500);
  expect(undismisses).toHaveLength(1);
});

test('z after a read was saved says it is already saved, not that there is nothing to undo', async ({
  page,
  request,
}) => {
  test.setTimeout(40_000);
  // A view with an unread row in it (earlier specs read many on this shared server): the newest unread one's type.
  const { data } = (await (
    await request.get('/api/v2/notifications?filter[dismissed]=false&page[size]=200')
  ).json()) as { data: { attributes: { read: boolean; target_type: string } }[] };
  const type = data.find((item) => !item.attributes.read)?.attributes.target_type.toLowerCase();
  expect(type, 'an unread notification').toBeTruthy();
  await page.goto(`/?type=${type}`);
  const [id] = await rowIdsOf(page, '[data-testid="notification-row"][data-read="false"]');
  expect(id, 'an unread row on screen').toBeTruthy();
  await row(page, id as string)
    .getByRole('button', { name: /^Mark as read:/ })
    .click();
  await expect
    .poll(async () => (await apiNotification(request, id as string)).read, { timeout: 15_000 })
    .toBe(true);
  await page.keyboard.press('z');
  await expect(
    page.getByText('Already saved as read: Productive cannot mark notifications unread'),
  ).toBeVisible();
  await expect(row(page, id as string)).toHaveAttribute('data-read', 'true');
});
