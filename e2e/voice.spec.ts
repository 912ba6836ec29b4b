import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';

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
    // Applied: the filter bar offers to clear it (the chips are a phone's; from 640 px the controls show it).
    await expect(page.getByRole('button', { name: 'Clear all filters' })).toBeVisible();
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

const row = (page: Page, id: string) => page.locator(`[data-notification-id="${id}"]`);
const pane = (page: Page) => page.getByRole('region', { name: 'Reading pane' });
const toasts = (page: Page) => page.getByTestId('toast');
const rowIds = async (page: Page) => {
  await expect(rows(page).first()).toBeVisible();
  return rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-notification-id') as string),
  );
};
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-notification-id') ?? null);

test.describe('feedback: one toast at a time', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('walking ten notifications with j in the pane leaves at most one toast, and z still undoes', async ({
    page,
  }) => {
    await page.goto('/');
    const ids = await rowIds(page);
    await row(page, ids[0] as string)
      .getByRole('link')
      .first()
      .click();
    await expect(pane(page)).toHaveAttribute('data-open-notification', ids[0] as string);
    let most = 0;
    for (let step = 1; step <= 10; step++) {
      await page.keyboard.press('j');
      await expect(pane(page)).toHaveAttribute('data-open-notification', ids[step] as string);
      most = Math.max(most, await toasts(page).count());
    }
    // Opening is reading, told by the row, not by a toast.
    expect(most).toBeLessThanOrEqual(1);
    await expect(toasts(page)).toHaveCount(0);
    const last = row(page, ids[10] as string);
    await expect(last).toHaveAttribute('data-read', 'true');
    // z undoes the newest read (it waits out the undo window before it is sent): unread again.
    const wasUnread = await page.evaluate(
      async (id) =>
        (
          (await (await fetch(`/api/v2/notifications/${id}`)).json()) as {
            data: { attributes: { read: boolean } };
          }
        ).data.attributes.read === false,
      ids[10] as string,
    );
    await page.keyboard.press('z');
    await expect(toasts(page)).toHaveCount(1);
    await expect(toasts(page)).toContainText('Undone');
    if (wasUnread) await expect(last).toHaveAttribute('data-read', 'false');
  });

  test('a burst of the same action reads "Marked 5 as read" in one toast, and its Undo undoes all five', async ({
    page,
  }) => {
    await page.goto('/');
    // Five rows on screen made unread in the server's database (earlier tests may have read them).
    const five = (await rowIds(page)).slice(0, 5);
    expect(five).toHaveLength(5);
    const db = new DatabaseSync(process.env.E2E_DB as string);
    db.prepare(
      `UPDATE notifications SET read = 0 WHERE id IN (${five.map(() => '?').join(', ')})`,
    ).run(...five.map(Number));
    db.close();
    // Changed behind the app's back: the replica learns it at its next reconciliation, made short here.
    await page.evaluate(() =>
      localStorage.setItem(
        'inbox-settings.sync',
        JSON.stringify({ pollMs: 1000, reconcileMs: 1000 }),
      ),
    );
    await page.reload();
    for (const id of five)
      await expect(row(page, id)).toHaveAttribute('data-read', 'false', { timeout: 15_000 });
    for (const id of five) {
      // Each row made current directly (the sync re-reads the list every second here, which can move the
      // current row while j walks to it).
      await row(page, id).focus();
      expect(await focusedId(page)).toBe(id);
      await page.keyboard.press('Shift+I');
      await expect(row(page, id)).toHaveAttribute('data-read', 'true');
      await expect(toasts(page)).toHaveCount(1);
    }
    await expect(toasts(page)).toHaveText(/Marked 5 as read/);
    await toasts(page).getByRole('button', { name: 'Undo' }).click();
    for (const id of five) await expect(row(page, id)).toHaveAttribute('data-read', 'false');
    await expect(toasts(page)).toHaveCount(1);
    await expect(toasts(page)).toContainText('Undone');
  });

  test('a failure shows only its own toast: never "Dismissed · Undo" beside "Could not dismiss · Retry"', async ({
    page,
  }) => {
    await page.goto('/');
    const ids = await rowIds(page);
    const target = ids[2] as string;
    await page.route(`**/api/v2/notifications/${target}/dismiss`, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/vnd.api+json',
        body: JSON.stringify({
          errors: [{ status: '500', title: 'Server Error', detail: 'Broken on purpose' }],
        }),
      }),
    );
    await row(page, target)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await expect(
      page.getByRole('alert').getByText(/Could not dismiss .*Broken on purpose/),
    ).toBeVisible();
    await expect(toasts(page)).toHaveCount(1);
    await expect(page.getByRole('status').getByText(/^Dismissed/)).toHaveCount(0);
    await expect(row(page, target)).toHaveCount(1);
    // Its Retry, once the server is well again, goes through.
    await page.unroute(`**/api/v2/notifications/${target}/dismiss`);
    await toasts(page).getByRole('button', { name: 'Retry' }).click();
    await expect(row(page, target)).toHaveCount(0);
    await expect(toasts(page)).toHaveCount(1);
  });
});

test.describe('unread only keeps what you are reading', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the open one stays once read, j leaves it in the list and k returns to it', async ({
    page,
  }) => {
    await page.goto('/?read=unread');
    const ids = await rowIds(page);
    const [first, second] = ids as [string, string];
    await row(page, first).getByRole('link').first().click();
    await expect(pane(page)).toHaveAttribute('data-open-notification', first);
    await expect(row(page, first)).toHaveAttribute('data-read', 'true');
    await page.keyboard.press('j');
    await expect(pane(page)).toHaveAttribute('data-open-notification', second);
    // Read, no longer open, and still in the list.
    await expect(row(page, first)).toHaveCount(1);
    await expect(row(page, first)).toHaveAttribute('data-read', 'true');
    await page.keyboard.press('k');
    await expect(pane(page)).toHaveAttribute('data-open-notification', first);
    // The back button leaves the pane (j and k replace its address): both read ones are still in the list.
    await page.keyboard.press('j');
    await expect(pane(page)).toHaveAttribute('data-open-notification', second);
    await page.goBack();
    await expect(pane(page)).toHaveCount(0);
    await expect(row(page, first)).toHaveCount(1);
    await expect(row(page, second)).toHaveCount(1);
    // The summary says counts, not the API's limits.
    await expect(page.getByTestId('list-summary')).not.toContainText('API');
    // Leaving the view lets them go.
    await page.getByRole('search').getByLabel('Read state').selectOption('');
    await page.getByRole('search').getByLabel('Read state').selectOption('unread');
    await expect(rows(page).first()).toBeVisible();
    await expect(row(page, first)).toHaveCount(0);
    await expect(row(page, second)).toHaveCount(0);
  });
});

test.describe('phone triage (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  const bar = (page: Page) => page.getByRole('region', { name: 'This notification' });
  /** The page shows this notification's item: its detail, or its item's feed opened from it. */
  const onPageOf = (page: Page, id: string) =>
    expect
      .poll(() => {
        const url = new URL(page.url());
        return url.pathname === `/notifications/${id}` ||
          url.searchParams.get('notification') === id
          ? id
          : url.pathname + url.search;
      })
      .toBe(id);

  test('a notification’s page has Dismiss, Snooze, Previous and Next; Dismiss goes on to the next', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const ids = await rowIds(page);
    const [first, second, third] = ids as [string, string, string];
    await row(page, first).getByRole('link').first().click();
    await onPageOf(page, first);
    await expect(bar(page)).toBeVisible();
    await expect(bar(page).getByRole('button', { name: 'Previous' })).toBeDisabled();
    await expect(bar(page).getByRole('button', { name: /^Snooze/ })).toBeVisible();
    await expect(bar(page).getByRole('button', { name: /^Dismiss/ })).toBeInViewport();

    await bar(page).getByRole('button', { name: 'Next' }).click();
    await onPageOf(page, second);
    await expect(bar(page).getByRole('button', { name: 'Previous' })).toBeEnabled();
    await bar(page)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    // On to the next, as the reading pane does; the dismissed one is dismissed on the server.
    await onPageOf(page, third);
    await expect(toasts(page)).toHaveCount(1);
    await expect(toasts(page)).toContainText('Dismissed');
    // The toast never covers the bar's buttons.
    const toastBox = await toasts(page).boundingBox();
    const barBox = await bar(page).boundingBox();
    const [upper, lower] =
      (toastBox?.y ?? 0) < (barBox?.y ?? 0) ? [toastBox, barBox] : [barBox, toastBox];
    expect((upper?.y ?? 0) + (upper?.height ?? 0)).toBeLessThanOrEqual(lower?.y ?? 0);
    await expect
      .poll(async () => {
        const response = await request.get(`/api/v2/notifications/${second}`);
        return ((await response.json()) as { data: { attributes: { dismissed: boolean } } }).data
          .attributes.dismissed;
      })
      .toBe(true);
    // Previous goes back past the dismissed one.
    await bar(page).getByRole('button', { name: 'Previous' }).click();
    await onPageOf(page, first);
    // Back to the list: the dismissed one is gone, the others are there.
    await page.getByRole('link', { name: '← Back to the inbox' }).click();
    await expect(row(page, first)).toBeVisible();
    await expect(row(page, second)).toHaveCount(0);
  });

  test('with Unread only, the one read is still in the list on coming back, and can be dismissed', async ({
    page,
  }) => {
    await page.goto('/?read=unread');
    const [first] = (await rowIds(page)) as [string];
    await row(page, first).getByRole('link').first().click();
    await onPageOf(page, first);
    await page.goBack();
    await expect(row(page, first)).toBeVisible();
    await expect(row(page, first)).toHaveAttribute('data-read', 'true');
    await row(page, first).getByRole('link').first().click();
    await onPageOf(page, first);
    await bar(page)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('notification')).not.toBe(first);
  });
});

test('each page titles its tab: Dismissed, Snoozed, the notification’s item, the feed’s item', async ({
  page,
  request,
}) => {
  await page.goto('/dismissed');
  await expect(page).toHaveTitle(/Dismissed$/);
  await page.goto('/snoozed');
  await expect(page).toHaveTitle('Snoozed');
  const response = await request.get('/api/v2/notifications?filter[type]=Task&page[size]=1');
  const [task] = (
    (await response.json()) as {
      data: { id: string; attributes: { target_id: number; target_title: string } }[];
    }
  ).data;
  expect(task).toBeDefined();
  const { id, attributes } = task as NonNullable<typeof task>;
  await page.goto(`/notifications/${id}`);
  await expect(page).toHaveTitle(attributes.target_title);
  await page.goto(`/tasks/${attributes.target_id}`);
  // The feed names its task with its number: "#20 Update staging deploy script".
  const name = attributes.target_title.replace(/^#\d+:\s*/, '');
  await expect.poll(() => page.title()).toContain(name);
  await page.goto('/no/such/page');
  await expect(page).toHaveTitle('Page not found');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe on the new controls (${colorScheme})`, () => {
    test.use({
      colorScheme,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });

    test('the date presets and a notification’s page with its triage bar and a toast', async ({
      page,
    }) => {
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      await page
        .getByRole('search')
        .getByRole('button', { name: /^Filters/ })
        .click();
      await page.getByLabel('Date range').selectOption({ label: 'Last 30 days' });
      await expect(page).toHaveURL(/after=/);
      await expectNoViolations(page, `date presets (${colorScheme})`);
      await page.goto('/');
      const [first] = (await rowIds(page)) as [string];
      await row(page, first).getByRole('link').first().click();
      const bar = page.getByRole('region', { name: 'This notification' });
      await expect(bar).toBeVisible();
      await expect(
        page.getByTestId('notification-detail').or(page.getByTestId('activity-entry').first()),
      ).toBeVisible();
      await expectNoViolations(page, `triage bar (${colorScheme})`);
      await bar.getByRole('button', { name: 'Next' }).click();
      await bar.getByRole('button', { name: /^Dismiss/ }).click();
      await expect(toasts(page)).toHaveCount(1);
      await expectNoViolations(page, `triage bar with a toast (${colorScheme})`);
    });
  });
}
