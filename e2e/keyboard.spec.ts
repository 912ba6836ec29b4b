import { expect, test, type Page } from '@playwright/test';
import { apiNotification, apiNotifications, screenIds } from './support/api.ts';

/** Fails unless something other than the page has focus and it shows a focus ring. */
async function expectFocusVisible(page: Page, step: string) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return 'nothing has focus';
          const style = getComputedStyle(element);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
          const name = element.getAttribute('aria-label') ?? element.textContent?.slice(0, 40);
          if (!element.matches(':focus-visible')) return `not :focus-visible: ${name}`;
          return outline || ring ? 'visible' : `no focus indicator: ${element.tagName} ${name}`;
        }),
      { message: step },
    )
    .toBe('visible');
}

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-notification-id') ?? null);
/** The toasts' polite live region, present before anything is announced. */
const announcements = (page: Page) => page.locator('[role="status"]').last();

test('keyboard only: filter by project, read, dismiss, undo, open a feed and come back, focus always visible and actions announced', async ({
  page,
  request,
}) => {
  // Below 1024 px a notification opens as a page of its own (wider, in the reading pane: e2e/pane.spec.ts).
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  await expect(announcements(page)).toBeAttached();
  await expect(announcements(page)).toHaveText('');

  // "f" goes to the filters ("/" to the search box); the project picker opens, searches and picks with keys alone.
  await page.keyboard.press('f');
  await expectFocusVisible(page, 'filters');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expectFocusVisible(page, 'project search');
  await page.keyboard.type('Mobile');
  await page.keyboard.press('Tab');
  await expectFocusVisible(page, 'first matching project');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\?project=\d+$/);
  const projectId = new URL(page.url()).searchParams.get('project') as string;
  await page.keyboard.press('Escape');
  await expectFocusVisible(page, 'picker closed');

  const { ids, data } = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[project_id]': projectId,
  });
  await expect.poll(async () => (await screenIds(page)).slice(0, 3)).toEqual(ids.slice(0, 3));

  // j moves to the first row; Shift+I reads it, announced.
  await page.keyboard.press('j');
  await expect.poll(() => focusedId(page)).toBe(ids[0]);
  await expectFocusVisible(page, 'first row');
  const first = page.locator(`[data-notification-id="${ids[0]}"]`);
  if ((await first.getAttribute('data-read')) === 'false') {
    await page.keyboard.press('Shift+I');
    await expect(first).toHaveAttribute('data-read', 'true');
    await expect(announcements(page)).toContainText('Marked as read');
  }

  // e dismisses, announced; focus moves on to the next row, visibly.
  await page.keyboard.press('e');
  await expect(first).toHaveCount(0);
  await expect(announcements(page)).toContainText('Dismissed');
  await expect.poll(() => focusedId(page)).toBe(ids[1]);
  await expectFocusVisible(page, 'row after the dismissed one');
  await expect
    .poll(async () => (await apiNotification(request, ids[0] as string)).dismissed)
    .toBe(true);

  // z undoes it, announced.
  await page.keyboard.press('z');
  await expect(first).toHaveCount(1);
  await expect(announcements(page)).toContainText('Undone');
  await expect
    .poll(async () => (await apiNotification(request, ids[0] as string)).dismissed)
    .toBe(false);

  // j/k walk to the first task; Enter opens its feed; Tab reaches "Back to the inbox", visibly; Enter returns
  // with the filter kept and focus on the row that was opened.
  const taskIndex = data.findIndex((item) => item.attributes.target_type === 'task');
  expect(taskIndex).toBeGreaterThanOrEqual(0);
  const task = ids[taskIndex] as string;
  for (let step = 0; step < 60 && (await focusedId(page)) !== task; step++) {
    const at = ids.indexOf((await focusedId(page)) ?? '');
    await page.keyboard.press(at < taskIndex ? 'j' : 'k');
  }
  await expect.poll(() => focusedId(page)).toBe(task);
  await expectFocusVisible(page, 'task row');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /Back to the inbox/ })).toBeFocused();
  await expectFocusVisible(page, 'back link');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`\\?project=${projectId}$`));
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe(task);
  await expectFocusVisible(page, 'back in the inbox');
});
