import { expect, test, type Page } from '@playwright/test';

// Issue 20's feedback, dates, words and phone triage, in a real browser over the real demo server.

const rows = (page: Page) => page.getByTestId('notification-row');
const two = (value: number) => String(value).padStart(2, '0');
/** A day `daysAgo` before today, in this machine's zone (the browser's too). */
const dayBefore = (daysAgo: number) => {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
  return {
    iso: `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`,
    // What a US-English date field takes, key by key: month, day, year.
    keys: `${two(date.getMonth() + 1)}${two(date.getDate())}${date.getFullYear()}`,
  };
};
const dayField = (page: Page, label: 'From' | 'To') =>
  page.getByRole('search').getByLabel(label, { exact: true });
const afterParam = (page: Page) => new URL(page.url()).searchParams.get('after');

test.describe('dates', () => {
  test('a date typed key by key is applied whole, never a partial one', async ({ page }) => {
    await page.goto('/');
    await expect(rows(page).first()).toBeVisible();
    const day = dayBefore(3);
    const from = dayField(page, 'From');
    await from.focus();
    const seen = new Set<string | null>();
    for (const key of day.keys) {
      await page.keyboard.press(key);
      // Long enough for a navigation the key would cause to land in the address.
      await page.waitForTimeout(60);
      seen.add(afterParam(page));
    }
    await expect.poll(() => afterParam(page)).toBe(day.iso);
    seen.add(afterParam(page));
    // Nothing but "no bound" and the whole day was ever applied: no year 0002 after the first digit.
    expect([...seen].sort()).toEqual([day.iso, null].sort());
    await expect(page.getByText(/Ignored/i)).toHaveCount(0);
    await expect(from).toHaveValue(day.iso);
    await expect(page.getByRole('button', { name: /^Remove filter: From / })).toBeVisible();
  });

  test('an unfinished date is put back on leaving the field; Enter applies a whole one', async ({
    page,
  }) => {
    const applied = dayBefore(10);
    await page.goto(`/?after=${applied.iso}`);
    await expect(rows(page).first()).toBeVisible();
    const from = dayField(page, 'From');
    await expect(from).toHaveValue(applied.iso);
    // Its month erased, then leaving the field: the day in force stays, in the field and the address.
    await from.focus();
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(60);
    expect(afterParam(page)).toBe(applied.iso);
    await page.getByRole('heading', { level: 1 }).click();
    await expect(from).toHaveValue(applied.iso);
    expect(afterParam(page)).toBe(applied.iso);
    // A whole other day typed over it, and Enter: applied.
    const other = dayBefore(4);
    await from.focus();
    for (const key of other.keys) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await expect.poll(() => afterParam(page)).toBe(other.iso);
    // Emptied on purpose (the field's own clear, as a picker does it): no bound.
    await from.fill('');
    await expect.poll(() => afterParam(page)).toBe(null);
  });

  test('presets next to From and To: Today, Last 7 days, This week, Last 30 days', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(rows(page).first()).toBeVisible();
    const range = page.getByLabel('Date range');
    await expect(range.locator('option')).toHaveText([
      'Any time',
      'Today',
      'Last 7 days',
      'This week',
      'Last 30 days',
    ]);
    const today = dayBefore(0).iso;
    await range.selectOption({ label: 'Last 7 days' });
    await expect(page).toHaveURL(new RegExp(`after=${dayBefore(6).iso}&before=${today}$`));
    await expect(dayField(page, 'From')).toHaveValue(dayBefore(6).iso);
    await expect(dayField(page, 'To')).toHaveValue(today);
    await expect(range).toHaveValue('last-7-days');
    await range.selectOption({ label: 'Last 30 days' });
    await expect(page).toHaveURL(new RegExp(`after=${dayBefore(29).iso}&before=${today}$`));
    await range.selectOption({ label: 'Today' });
    await expect(page).toHaveURL(new RegExp(`after=${today}&before=${today}$`));
    await range.selectOption({ label: 'This week' });
    const weekStart = new URL(page.url()).searchParams.get('after') ?? '';
    expect(weekStart <= today && weekStart >= dayBefore(6).iso).toBe(true);
    await range.selectOption({ label: 'Any time' });
    await expect(page).toHaveURL(/\/$/);
    await expect(rows(page).first()).toBeVisible();
  });
});
