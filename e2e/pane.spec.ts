import { DatabaseSync } from 'node:sqlite';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';

/** The reading pane (issue 12): the detail beside the list from 1024 px, a page of its own below. */

interface ApiNotification {
  id: string;
  attributes: {
    target_id: number;
    target_type: string;
    target_title: string;
    parent_title: string | null;
    read: boolean;
    dismissed: boolean;
    new_activities_count: number;
  };
}

async function notificationsOf(request: APIRequestContext, query: string) {
  const response = await request.get(`/api/v2/notifications?${query}&page[size]=200`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: ApiNotification[] }).data;
}

const rows = (page: Page) => page.getByTestId('notification-row');
const row = (page: Page, id: string) => page.locator(`[data-notification-id="${id}"]`);
const pane = (page: Page) => page.getByRole('region', { name: 'Reading pane' });
const rowIds = async (page: Page) => {
  await expect(rows(page).first()).toBeVisible();
  return rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-notification-id') as string),
  );
};
const openParam = (page: Page) => new URL(page.url()).searchParams.get('open');

/** The pane shows this notification: its id, and its heading. */
async function expectPaneOn(page: Page, id: string, title?: string) {
  await expect(pane(page)).toHaveAttribute('data-open-notification', id);
  await expect(pane(page).getByTestId('notification-detail')).toBeVisible();
  if (title) await expect(pane(page).getByRole('heading', { level: 2 }).first()).toHaveText(title);
  await expect(row(page, id)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[aria-current="true"][data-notification-id]')).toHaveCount(1);
}

test.describe('1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('opening from the list shows the detail beside it: the list stays, the address holds it with the filters, reading marks it read', async ({
    page,
  }) => {
    await page.goto('/?type=task');
    await expect(rows(page).first()).toBeVisible();
    const ids = await rowIds(page);
    // Scroll the list a little: opening must not move it.
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const target = rows(page).nth(5);
    const id = (await target.getAttribute('data-notification-id')) as string;
    const unread = (await target.getAttribute('data-read')) === 'false';
    // On screen, below the sticky title, filters and selection bar, before it is measured and clicked.
    await target.scrollIntoViewIfNeeded();
    const before = (await target.boundingBox())?.y ?? 0;
    await target.getByRole('link').first().click();

    await expectPaneOn(page, id);
    await expect(page).toHaveURL(new RegExp(`/\\?type=task&open=${id}$`));
    // The row opened stays where it was on the screen (the list narrows beside the pane, rows may grow).
    const after = (await row(page, id).boundingBox())?.y ?? 0;
    expect(Math.abs(after - before)).toBeLessThan(4);
    // The same rows in the same order (the narrower list may render a few more or fewer around them).
    const now = await rowIds(page);
    const common = ids.filter((item) => now.includes(item));
    expect(common.length).toBeGreaterThan(10);
    expect(now.filter((item) => common.includes(item))).toEqual(common);
    if (unread) await expect(row(page, id)).toHaveAttribute('data-read', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbox');
  });

  test('j and k open the next and previous in the pane, e dismisses and opens the next (or the previous, as set), Shift+I and z work, Esc closes with focus on the row', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await expect(rows(page).first()).toBeVisible();
    const ids = await rowIds(page);
    await rows(page).nth(1).getByRole('link').first().click();
    await expectPaneOn(page, ids[1] as string);

    await page.keyboard.press('j');
    await expectPaneOn(page, ids[2] as string);
    expect(openParam(page)).toBe(ids[2]);
    // Focus moves with the pane, so the keys act on the row that has it.
    await expect(row(page, ids[2] as string)).toBeFocused();
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expectPaneOn(page, ids[0] as string);

    // e: the open one is dismissed (on the server too) and the next one opens.
    await page.keyboard.press('j');
    await expectPaneOn(page, ids[1] as string);
    await page.keyboard.press('e');
    await expect(row(page, ids[1] as string)).toHaveCount(0);
    await expectPaneOn(page, ids[2] as string);

    // z brings it back (undo, within its window); the pane stays where it is.
    await page.keyboard.press('z');
    await expect(row(page, ids[1] as string)).toHaveCount(1);
    await expectPaneOn(page, ids[2] as string);

    // The setting: after dismissing, open the previous one.
    await pane(page).getByLabel('After dismissing, open').selectOption('previous');
    await row(page, ids[2] as string).focus();
    await page.keyboard.press('e');
    await expect(row(page, ids[2] as string)).toHaveCount(0);
    await expectPaneOn(page, ids[1] as string);
    // Dismissed on the server too, once its undo window has passed.
    await expect
      .poll(
        async () => {
          const response = await request.get(`/api/v2/notifications/${ids[2]}`);
          return ((await response.json()) as { data: ApiNotification }).data.attributes.dismissed;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    // Shift+I on an open, already read one says so.
    await page.keyboard.press('Shift+I');
    await expect(page.getByText('Already read')).toBeVisible();

    // Esc closes the pane; focus is on the row that was open.
    await row(page, ids[1] as string).focus();
    await page.keyboard.press('Escape');
    await expect(pane(page)).toHaveCount(0);
    expect(openParam(page)).toBeNull();
    await expect(row(page, ids[1] as string)).toBeFocused();
  });

  test('reload, back and forward keep the pane; a shared link opens the same notification in the same list', async ({
    page,
  }) => {
    await page.goto('/?type=task');
    const ids = await rowIds(page);
    await rows(page).nth(0).getByRole('link').first().click();
    await expectPaneOn(page, ids[0] as string);
    await rows(page).nth(3).getByRole('link').first().click();
    await expectPaneOn(page, ids[3] as string);

    await page.reload();
    await expectPaneOn(page, ids[3] as string);
    await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('task');

    await page.goBack();
    await expectPaneOn(page, ids[0] as string);
    await page.goBack();
    await expect(pane(page)).toHaveCount(0);
    await page.goForward();
    await expectPaneOn(page, ids[0] as string);

    // Another person's browser, the same link.
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    const other = await context.newPage();
    await other.goto(`/?type=task&open=${ids[3]}`);
    await expectPaneOn(other, ids[3] as string);
    expect(await rowIds(other)).toContain(ids[3]);
    await context.close();
  });

  test('a notification that is not in the list (dismissed) or gone still opens, with a note', async ({
    page,
    request,
  }) => {
    const [dismissed] = await notificationsOf(request, 'filter[dismissed]=true');
    expect(dismissed).toBeDefined();
    await page.goto(`/?open=${dismissed?.id}`);
    await expect(pane(page).getByRole('note')).toContainText('not in this list');
    await expect(pane(page).getByTestId('notification-detail')).toBeVisible();
    await expect(pane(page).getByRole('heading', { level: 2 }).first()).toHaveText(
      dismissed?.attributes.target_title as string,
    );

    await page.goto('/?open=99999999');
    await expect(pane(page).getByRole('note')).toContainText('not in this list');
    await expect(pane(page).getByText('This notification was not found')).toBeVisible();
    await expect(pane(page).getByRole('button', { name: /Try again|Retry/ })).toHaveCount(0);

    // Filtered out of the list but not dismissed: it can still be dismissed from the pane.
    const [task] = await notificationsOf(request, 'filter[type]=task&filter[dismissed]=false');
    await page.goto(`/?type=deal&open=${task?.id}`);
    await expect(pane(page).getByRole('note')).toContainText('not in this list');
    await pane(page)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await expect
      .poll(
        async () => {
          const response = await request.get(`/api/v2/notifications/${task?.id}`);
          return ((await response.json()) as { data: ApiNotification }).data.attributes.dismissed;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    // A second open= is named, like any value the list ignores.
    await page.goto(`/?open=${dismissed?.id}&open=85`);
    await expect(page.getByText('open=85')).toBeVisible();

    // A malformed one is named, and nothing opens.
    await page.goto('/?open=abc');
    await expect(page.getByText('open=abc')).toBeVisible();
    await expect(pane(page)).toHaveCount(0);
  });

  test('every target type opens in the pane: task, todo, deal, discussion as feeds; page and the others as a card; always Open in Productive', async ({
    page,
    request,
  }) => {
    // The demo data holds tasks, todos, deals, discussions and pages; an invoice is planted for "the others".
    const db = new DatabaseSync(process.env.E2E_DB as string);
    const template = db
      .prepare("SELECT * FROM notifications WHERE target_type = 'page' AND dismissed = 0 LIMIT 1")
      .get() as Record<string, string | number | null>;
    const invoiceId = Number(
      (db.prepare('SELECT max(id) + 1 AS id FROM notifications').get() as { id: number }).id,
    );
    const invoice = {
      ...template,
      id: invoiceId,
      target_type: 'invoice',
      target_label: 'invoice',
      target_title: 'Invoice 2026-041 for Northwind',
      excerpt: 'Invoice 2026-041 was sent to Northwind',
    };
    const columns = Object.keys(invoice);
    db.prepare(
      `INSERT INTO notifications (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((column) => invoice[column as keyof typeof invoice] ?? null));
    test.info().attach('planted', { body: String(invoiceId) });
    try {
      for (const type of ['task', 'todo', 'deal', 'discussion', 'page', 'invoice']) {
        await page.goto(`/?type=${type}`);
        const first = rows(page).first();
        const id = (await first.getAttribute('data-notification-id')) as string;
        const response = await request.get(`/api/v2/notifications/${id}`);
        const notification = ((await response.json()) as { data: ApiNotification }).data;
        expect(notification.attributes.target_type.toLowerCase()).toBe(type);
        await first.getByRole('link').first().click();
        await expectPaneOn(page, notification.id, notification.attributes.target_title);
        const detail = pane(page).getByTestId('notification-detail');
        if (['task', 'todo', 'deal', 'discussion'].includes(type))
          await expect(detail.getByTestId('activity-entry').first()).toBeVisible();
        else await expect(detail.getByTestId('notification-card')).toBeVisible();
        const link = pane(page).getByRole('link', { name: /^Open (in )?Productive/ });
        await expect(link).toHaveAttribute('target', '_blank');
        await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      }
    } finally {
      db.prepare('DELETE FROM notifications WHERE id = ?').run(invoiceId);
      db.close();
    }
  });

  test('e then z brings back the dismissed one, even when the one opened next was unread (marked read on opening)', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(rows(page).first()).toBeVisible();
    // Two unread rows one after the other (not the first): looked for down the list, a screen at a time, since
    // only the rows near the window are in the DOM and earlier tests read some.
    let pair: [string, string] | null = null;
    for (let screen = 0; screen < 20; screen++) {
      pair = await rows(page).evaluateAll((elements) => {
        const shown = elements
          .map((element) => ({
            id: element.getAttribute('data-notification-id') as string,
            at: Number(element.getAttribute('aria-posinset')),
            read: element.getAttribute('data-read') === 'true',
          }))
          .sort((a, b) => a.at - b.at);
        const first = shown.findIndex(
          (item, index) =>
            item.at > 1 &&
            !item.read &&
            shown[index + 1]?.at === item.at + 1 &&
            !shown[index + 1]?.read,
        );
        return first < 0 ? null : ([shown[first]?.id, shown[first + 1]?.id] as [string, string]);
      });
      if (pair) break;
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
    }
    expect(pair, 'two unread rows in a row').not.toBeNull();
    const [current, next] = pair as [string, string];
    await row(page, current).scrollIntoViewIfNeeded();
    await row(page, current).getByRole('link').first().click();
    await expectPaneOn(page, current);
    await page.keyboard.press('e');
    await expectPaneOn(page, next);
    await expect(row(page, current)).toHaveCount(0);
    await page.keyboard.press('z');
    await expect(row(page, current)).toHaveCount(1);
    await expect(
      page
        .getByText('Restored')
        .or(page.getByText(/Undone/))
        .first(),
    ).toBeVisible();
    // The pane stays on the one it shows, and the next e dismisses that one, not the one brought back
    // (fresh-eyes finding: e dismissed the row undo had made current, out of sight of the pane).
    await expectPaneOn(page, next);
    await page.keyboard.press('e');
    await expect(row(page, next)).toHaveCount(0);
    await expect(row(page, current)).toHaveCount(1);
  });

  test('New markers: kept while reading it, none when it was read before it was opened', async ({
    page,
    request,
  }) => {
    const unread = (
      await notificationsOf(request, 'filter[type]=task&filter[dismissed]=false')
    ).find((item) => !item.attributes.read && item.attributes.new_activities_count > 0);
    expect(unread, 'an unread task notification with new activity').toBeDefined();
    const id = unread?.id as string;
    await page.goto(`/?type=task`);
    await row(page, id).scrollIntoViewIfNeeded();
    await row(page, id).getByRole('link').first().click();
    const marked = pane(page).locator('[data-testid="activity-entry"][data-new="true"]');
    await expect(marked.first()).toBeVisible();
    const count = await marked.count();
    // Read now (the row says so), and its New entries are still marked for this visit.
    await expect(row(page, id)).toHaveAttribute('data-read', 'true');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expectPaneOn(page, id);
    await expect(marked).toHaveCount(count);
    // Opened again later (another visit): read before it was opened, nothing is New.
    await page.reload();
    await expectPaneOn(page, id);
    await expect(pane(page).getByTestId('activity-entry').first()).toBeVisible();
    await expect(marked).toHaveCount(0);
  });

  test('narrowing the window below 1024 px with the pane open keeps the list (the pane closes)', async ({
    page,
  }) => {
    await page.goto('/?type=task');
    const ids = await rowIds(page);
    await rows(page).nth(3).getByRole('link').first().click();
    await expectPaneOn(page, ids[3] as string);
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect(page).toHaveURL(/\/\?type=task$/);
    await expect(pane(page)).toHaveCount(0);
    await expect(row(page, ids[3] as string)).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(rows(page).first()).toBeVisible();
    await expect(page).toHaveURL(/\/\?type=task$/);
  });

  test('j shows the next notification from cache: its detail was fetched before the key was pressed', async ({
    page,
  }) => {
    await page.goto('/?type=task');
    const ids = await rowIds(page);
    await rows(page).nth(0).getByRole('link').first().click();
    await expectPaneOn(page, ids[0] as string);
    // The next one's feed is prefetched: once the network settles, activities cannot be fetched any more, and j
    // still shows the next one's feed.
    await page.waitForLoadState('networkidle');
    await page.route('**/api/v2/activities**', (route) => route.abort());
    await page.route('**/api/v2/tasks/**', (route) => route.abort());
    await page.keyboard.press('j');
    await expectPaneOn(page, ids[1] as string);
    await expect(pane(page).getByTestId('activity-entry').first()).toBeVisible();
    await expect(pane(page).getByText(/Could not load/)).toHaveCount(0);
  });

  test('a pane whose code cannot be downloaded says so beside the list, and Retry loads it', async ({
    page,
  }) => {
    await page.goto('/?type=task');
    await expect(rows(page).first()).toBeVisible();
    await page.route('**/assets/ReadingPane-*.js', (route) => route.abort('connectionrefused'));
    await rows(page).first().getByRole('link').first().click();
    await expect(
      page.getByRole('heading', { name: 'This could not load', level: 2 }),
    ).toBeVisible();
    await expect(page.locator('main')).toHaveCount(1);
    await expect(rows(page).first()).toBeVisible();
    await page.unroute('**/assets/ReadingPane-*.js');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(pane(page).getByTestId('activity-entry').first()).toBeVisible();
  });

  test('the pane’s width changes with the pointer and the keyboard, and is remembered', async ({
    page,
  }) => {
    await page.goto('/');
    await rows(page).first().getByRole('link').first().click();
    await expect(pane(page)).toBeVisible();
    const width = async () => (await pane(page).boundingBox())?.width ?? 0;
    const before = await width();

    const handle = page.getByRole('separator', { name: 'Resize the reading pane' });
    await handle.focus();
    await expect(handle).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(width).toBe(before + 48);
    await expect(handle).toHaveAttribute('aria-valuenow', String(before + 48));

    const box = await handle.boundingBox();
    if (!box) throw new Error('the handle is not shown');
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBe(before + 48 - 100);

    await page.reload();
    await expect(pane(page)).toBeVisible();
    await expect.poll(width).toBe(before + 48 - 100);
  });

  test('keyboard only: Tab to the list, j, Enter opens the pane, focus stays visible on the row, Tab reaches the pane', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(rows(page).first()).toBeVisible();
    const ids = await rowIds(page);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(row(page, ids[1] as string)).toBeFocused();
    await page.keyboard.press('Enter');
    await expectPaneOn(page, ids[1] as string);
    await expect(row(page, ids[1] as string)).toBeFocused();
    const outline = await row(page, ids[1] as string).evaluate(
      (element) => getComputedStyle(element).boxShadow,
    );
    expect(outline).not.toBe('none');
    // → goes into the pane (visibly), Tab walks its controls, ← and Esc come back to the row.
    await page.keyboard.press('ArrowRight');
    const body = page.locator('[data-reading-pane-body]');
    await expect(body).toBeFocused();
    expect(await body.evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe('none');
    await page.keyboard.press('ArrowLeft');
    await expect(row(page, ids[1] as string)).toBeFocused();
    await expect(pane(page)).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect(pane(page).getByRole('button', { name: /Previous/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(pane(page)).toHaveCount(0);
    await expect(row(page, ids[1] as string)).toBeFocused();
  });
});

test.describe('acting from the pane (1440 × 900)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('r replies from the pane with a mention: shown at once, then in the API; Esc leaves the composer, then closes the pane', async ({
    page,
    request,
  }) => {
    const people = (await (await request.get('/api/v2/people?page[size]=200')).json()) as {
      data: { id: string; attributes: Record<string, unknown> }[];
    };
    const person = people.data.filter(
      (item) => !item.attributes.deactivated_at && !item.attributes.archived_at,
    )[5] as { id: string; attributes: Record<string, unknown> };
    const name = `${String(person.attributes.first_name)} ${String(person.attributes.last_name)}`;

    await page.goto('/?type=task');
    const first = rows(page).first();
    const id = (await first.getAttribute('data-notification-id')) as string;
    const taskId = (
      (await (await request.get(`/api/v2/notifications/${id}`)).json()) as {
        data: ApiNotification;
      }
    ).data.attributes.target_id;
    await first.getByRole('link').first().click();
    await expect(pane(page).getByTestId('activity-entry').first()).toBeVisible();
    await first.focus();

    // r: focus in the composer at the foot of the pane; the list does not move.
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('r');
    const composer = pane(page).getByRole('textbox', { name: 'Write a comment' });
    await expect(composer).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await expect(composer).toBeInViewport();
    await page.keyboard.type(`From the pane @${name.slice(0, 4)}`);
    const option = pane(page)
      .getByRole('listbox', { name: 'People to mention' })
      .getByRole('option', { name, exact: true });
    await option.click();
    await page.keyboard.type('please look');
    await page.keyboard.press('Control+Enter');
    await expect(pane(page).getByTestId('activity-entry').first()).toContainText(
      `From the pane @${name} please look`,
    );
    const comments = (await (
      await request.get(
        `/api/v2/activities?filter[task_id]=${taskId}&filter[type]=1&include=comment&page[size]=5`,
      )
    ).json()) as { included?: { type: string; attributes: { body: string } }[] };
    expect(
      (comments.included ?? []).some(
        (item) =>
          item.type === 'comments' &&
          item.attributes.body ===
            `<p>From the pane @[Person:${person.id}:${name}] please look</p>`,
      ),
    ).toBe(true);

    // Esc leaves the composer (the pane stays); Esc again closes the pane, focus on the row.
    await composer.focus();
    await page.keyboard.press('Escape');
    await expect(composer).not.toBeFocused();
    await expect(pane(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(pane(page)).toHaveCount(0);
    await expect(row(page, id)).toBeFocused();
  });

  test('h snoozes the open notification from the pane: it leaves the list and the pane opens the next one', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const ids = await rowIds(page);
    await rows(page).nth(2).getByRole('link').first().click();
    await expectPaneOn(page, ids[2] as string);
    await row(page, ids[2] as string).focus();
    await page.keyboard.press('h');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(row(page, ids[2] as string)).toHaveCount(0);
    await expectPaneOn(page, ids[3] as string);
    await expect
      .poll(async () => {
        const response = await request.get('/api/inbox/snoozes');
        const { data } = (await response.json()) as { data: { id: string; state: string }[] };
        return data.find((snooze) => snooze.id === ids[2])?.state ?? null;
      })
      .toBe('scheduled');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the list with the pane open (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme,
      baseURL: test.info().project.use.baseURL,
    });
    const page = await context.newPage();
    await page.goto('/');
    await rows(page).first().getByRole('link').first().click();
    await expect(pane(page).getByTestId('notification-detail')).toBeVisible();
    await expect(pane(page).getByTestId('activity-entry').first()).toBeVisible();
    await expectNoViolations(page, `pane open, ${colorScheme}`);
    await context.close();
  });
}

test.describe('390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the detail is a page of its own; back returns to the same place in the list', async ({
    page,
  }) => {
    await page.goto('/?type=task');
    await expect(rows(page).first()).toBeVisible();
    await page.mouse.wheel(0, 1200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const visibleRow = rows(page).nth(8);
    await visibleRow.scrollIntoViewIfNeeded();
    const id = (await visibleRow.getAttribute('data-notification-id')) as string;
    await visibleRow.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/tasks\/\d+/);
    await expect(pane(page)).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(/\/\?type=task$/);
    await expect(row(page, id)).toBeInViewport();

    // A shared link with open= on a phone: that notification's page, whose way back is the list.
    await page.goto(`/?type=task&open=${id}`);
    await expect(page).toHaveURL(new RegExp(`/notifications/${id}$`));
    await page.getByRole('link', { name: /Back to the inbox/ }).click();
    await expect(page).toHaveURL(/\/\?type=task$/);
    await expect(row(page, id)).toBeFocused();
  });
});
