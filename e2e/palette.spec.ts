import { expect, test, type Page } from '@playwright/test';
import { apiNotification, apiNotifications, screenIds } from './support/api.ts';
import { expectNoViolations } from './support/axe.ts';

const combobox = (page: Page) => page.getByRole('combobox', { name: 'Find an action or place' });
const options = (page: Page) => page.getByRole('listbox').getByRole('option');
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-notification-id') ?? null);

/** Opens the palette with the keyboard, types, and runs the first match with Enter: keys only. */
async function runByKeys(page: Page, typed: string, expected: string) {
  await page.keyboard.press('ControlOrMeta+k');
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.type(typed);
  await expect(options(page).first().locator('span').first()).toHaveText(expected);
  await page.keyboard.press('Enter');
  await expect(combobox(page)).toHaveCount(0);
}

test('Ctrl+K: every action and place is listed with its shortcut and reached with keys alone', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  await page.keyboard.press('j');
  const { ids } = await apiNotifications(request, { 'filter[dismissed]': 'false' }, 5);
  await expect.poll(() => focusedId(page)).toBe(ids[0]);

  // Open: the ARIA combobox pattern, the first option active.
  await page.keyboard.press('ControlOrMeta+k');
  const field = combobox(page);
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  const listboxId = await field.getAttribute('aria-controls');
  await expect(page.getByRole('listbox')).toHaveAttribute('id', listboxId as string);
  const labels = await options(page).evaluateAll((elements) =>
    elements.map((element) => element.querySelector('span')?.textContent ?? ''),
  );
  for (const expected of [
    'Inbox',
    'Important',
    'Mentions',
    'Dismissed',
    'Snoozed',
    'Go to task #…',
    'Dismiss',
    'Mark as read',
    'Snooze',
    'Undo',
    'Snooze until Tomorrow morning',
    'Unread only',
    'Clear filters',
    'Settings',
  ])
    expect(
      labels.some((label) => label.startsWith(expected)),
      expected,
    ).toBe(true);
  // Each with its shortcut, from the same list as the help's.
  const keysOf = (label: RegExp) => options(page).filter({ hasText: label }).locator('kbd');
  await expect(keysOf(/^DismissActions/)).toHaveText('e');
  await expect(keysOf(/^Mark as readActions/)).toHaveText('Shift + I');
  await expect(keysOf(/^InboxGo to/)).toHaveText('g then i');
  await expectNoViolations(page, 'the command palette, open');

  // ↓ walks every option, the active one named by aria-activedescendant and selected.
  const count = await options(page).count();
  const visited = new Set<string>();
  for (let step = 0; step < count; step++) {
    const active = (await field.getAttribute('aria-activedescendant')) as string;
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    visited.add(active);
    await page.keyboard.press('ArrowDown');
  }
  expect(visited.size).toBe(count);
  // Typing filters the list; Esc closes it and puts focus back on the row.
  await page.keyboard.type('snooze tomorrow');
  await expect(options(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe(ids[0]);

  // Every listed action, reached by name: each type-to-find lands it first.
  await page.keyboard.press('ControlOrMeta+k');
  for (const label of labels)
    if (!label.includes('…')) {
      await field.fill(label);
      await expect(options(page).first().locator('span').first(), label).toHaveText(label);
    }
  await page.keyboard.press('Escape');

  // An action on the current row: Dismiss, on the server too; then Undo.
  await runByKeys(page, 'dismiss', 'Dismiss');
  await expect(page.locator(`[data-notification-id="${ids[0]}"]`)).toHaveCount(0);
  await expect
    .poll(async () => (await apiNotification(request, ids[0] as string)).dismissed)
    .toBe(true);
  await runByKeys(page, 'undo', 'Undo');
  await expect
    .poll(async () => (await apiNotification(request, ids[0] as string)).dismissed)
    .toBe(false);
  await expect.poll(async () => (await screenIds(page))[0]).toBe(ids[0]);

  // A snooze preset on the current row. Focus follows the current row a frame after the key: wait for it to land
  // (on the row the undo brought back, then on the next), or the row read here is the one before.
  await expect.poll(() => focusedId(page)).toBe(ids[0]);
  const current = (await screenIds(page))[1] as string;
  await page.keyboard.press('j');
  await expect.poll(() => focusedId(page)).toBe(current);
  await runByKeys(page, 'snooze tomorrow', 'Snooze until Tomorrow morning');
  await expect(page.locator(`[data-notification-id="${current}"]`)).toHaveCount(0);
  await expect.poll(async () => (await apiNotification(request, current)).dismissed).toBe(true);

  // A filter, a view, a task by its number, Settings.
  await runByKeys(page, 'unread only', 'Unread only');
  await expect(page).toHaveURL(/[?&]read=unread/);
  await runByKeys(page, 'mentions', 'Mentions');
  await expect(page).toHaveURL(/\/mentions/);
  // Focus lands on the new view's current row, not the page's body: the keys go on (fresh-eyes finding).
  await expect(page.locator('[data-testid="notification-row"]:focus')).toHaveCount(1);
  await runByKeys(page, '#42', 'Go to task #42');
  await expect(page).toHaveURL(/\/tasks\/42$/);
  await runByKeys(page, 'settings', 'Settings');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('at 390 px: opened from its button, it fits the screen and works', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Commands' }).click();
  const field = combobox(page);
  await expect(field).toBeFocused();
  const box = await page.getByRole('dialog', { name: 'Command palette' }).boundingBox();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoViolations(page, 'the command palette at 390 px');
  await field.fill('dism');
  await options(page)
    .filter({ hasText: /^Dismissed/ })
    .click();
  await expect(page).toHaveURL(/\/dismissed/);
  // Close works without a keyboard too.
  await page.getByRole('button', { name: 'Commands' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(field).toHaveCount(0);
});
