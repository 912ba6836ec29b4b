import { expect, test, type Page } from '@playwright/test';
import { apiNotifications } from './support/api.ts';

// What the screen counts and names is what the list is: bulk buttons count only the rows their action would
// change, the chips are exactly the filters applied, and an id that matches nothing is named.
const rows = (page: Page) => page.getByTestId('notification-row');
const activeFilters = (page: Page) => page.getByRole('list', { name: 'Active filters' });

async function idsWhere(page: Page, read: boolean) {
  await expect(rows(page).first()).toBeVisible();
  return page
    .locator(`[data-testid="notification-row"][data-read="${read}"]`)
    .evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).dataset.notificationId ?? ''),
    );
}
const select = (page: Page, id: string) =>
  page.locator(`[data-notification-id="${id}"]`).getByRole('checkbox').check();

test('"Mark as read" counts only the unread among the selected, and says so when there are none', async ({
  page,
  request,
}) => {
  // Its own data: the three newest mentions read through the API first (earlier specs share this server).
  const mentions = await apiNotifications(request, {
    'filter[dismissed]': 'false',
    'filter[mention]': 'true',
  });
  for (const id of mentions.ids.slice(0, 3))
    await request.patch(`/api/v2/notifications/${id}/read`, {
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
  await page.goto('/mentions');
  const read = await idsWhere(page, true);
  const unread = await idsWhere(page, false);
  expect(read.length).toBeGreaterThanOrEqual(3);
  for (const id of read.slice(0, 3)) await select(page, id);
  await expect(page.getByText('3 selected')).toBeVisible();
  await expect(page.getByRole('button', { name: /as read$/ })).toHaveCount(0);
  await expect(page.getByText('All 3 already read')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dismiss 3 notifications' })).toBeVisible();
  // The key says why it does nothing.
  await page.keyboard.press('Shift+I');
  await expect(page.getByRole('status').getByText('All 3 already read')).toBeVisible();

  await select(page, unread[0] as string);
  await expect(page.getByRole('button', { name: 'Mark 1 notification as read' })).toBeVisible();
});

test('the chips show exactly what the list is filtered by, in every view', async ({ page }) => {
  // Chips are the phone's summary of the filters (from 640 px the controls show each value on one line).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?importance=normal');
  await expect(activeFilters(page).getByText('Not important')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Important' })
    .click();
  await expect(page).toHaveURL(/\/important$/);
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByText('Not important')).toHaveCount(0);

  // Asked for by the address, it is named as not applied instead.
  await page.goto('/important?importance=normal&type=task');
  await expect(rows(page).first()).toBeVisible();
  await expect(activeFilters(page).getByRole('button')).toHaveText([/Type: Task/, 'Clear all']);
  await expect(
    page.getByText(/importance=normal \(this view shows important notifications only\)/),
  ).toBeVisible();
});

test('an unknown project id is named in the ignored-filters notice, not shown as a project', async ({
  page,
}) => {
  await page.goto('/?project=999');
  await expect(
    page.getByText(/Ignored invalid filter: project=999 \(no such project\)/),
  ).toBeVisible();
  await expect(page.getByText('Project 999')).toHaveCount(0);
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('link', { name: 'Clean up the address' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a row’s “N new” opens a feed with N New entries, its header and the newest of them in view', async ({
  page,
  request,
}) => {
  const response = await request.get(
    '/api/v2/notifications?filter[dismissed]=false&filter[type]=task&page[size]=200',
  );
  const unread = (
    (await response.json()) as { data: { id: string; attributes: Record<string, unknown> }[] }
  ).data.filter((item) => item.attributes.read === false);
  // The most New entries that still fit the feed's first page: scrolled to the oldest, the header would be gone.
  const notification = unread
    .filter((item) => Number(item.attributes.new_activities_count) <= 25)
    .sort(
      (a, b) =>
        Number(b.attributes.new_activities_count) - Number(a.attributes.new_activities_count),
    )[0];
  expect(notification).toBeDefined();
  const { id, attributes } = notification as { id: string; attributes: Record<string, unknown> };
  const count = Number(attributes.new_activities_count);
  expect(count).toBeGreaterThan(5);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(
    `/tasks/${String(attributes.target_id)}?notification=${id}&unread=${String(attributes.first_unread_activity_id)}`,
  );
  const marked = page.locator('[data-testid="activity-entry"][data-new="true"]');
  await expect(marked).toHaveCount(count);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await expect(marked.first()).toBeInViewport();
});

test('"Select all N matching" counts, and sends, only the unread among rows not yet loaded', async ({
  page,
  request,
}) => {
  await page.goto('/?type=task');
  await expect(rows(page).first()).toBeVisible();
  const matching: { id: string; read: boolean }[] = [];
  for (let number = 1; number <= 20; number++) {
    const response = await request.get(
      `/api/v2/notifications?filter[dismissed]=false&filter[type]=task&page[size]=200&page[number]=${number}`,
    );
    const body = (await response.json()) as {
      data: { id: string; attributes: { read: boolean } }[];
      links: { next?: string };
    };
    matching.push(...body.data.map((item) => ({ id: item.id, read: item.attributes.read })));
    if (!body.links.next) break;
  }
  const unread = matching.filter((item) => !item.read).length;
  expect(matching.length).toBeGreaterThan(50);
  expect(unread).toBeGreaterThan(0);
  expect(unread).toBeLessThan(matching.length);
  await rows(page).first().getByRole('checkbox').check();
  await page
    .getByRole('button', { name: `Select all ${matching.length.toLocaleString('en-US')} matching` })
    .click();
  await expect(page.getByText(`${matching.length.toLocaleString('en-US')} selected`)).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Mark ${unread} notifications as read` }),
  ).toBeVisible();
});
