import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiNotification } from './support/api.ts';

interface ApiActivity {
  id: string;
  attributes: { created_at: string; task_id: number };
}

async function apiActivities(request: APIRequestContext, query: string) {
  const response = await request.get(`/api/v2/activities?${query}`);
  return ((await response.json()) as { data: ApiActivity[] }).data;
}

const entries = (page: Page) => page.getByTestId('activity-entry');
const entryIds = (page: Page) =>
  entries(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-activity-id')),
  );

test('open a task from a notification: its activity, the New marker, kind filter, and back with filters intact', async ({
  page,
  request,
}) => {
  // Below 1024 px a notification opens as a page of its own (wider, in the reading pane: e2e/pane.spec.ts).
  await page.setViewportSize({ width: 1000, height: 800 });
  // An unread task notification whose first unread activity is not the newest, so New covers a few entries.
  const list = await request.get(
    '/api/v2/notifications?filter[dismissed]=false&filter[type]=task&page[size]=50',
  );
  const notifications = (
    (await list.json()) as { data: { id: string; attributes: Record<string, unknown> }[] }
  ).data;
  const notification =
    notifications.find(
      (item) =>
        item.attributes.read === false &&
        Number(item.attributes.new_activities_count) > 1 &&
        Number(item.attributes.new_activities_count) < 20,
    ) ?? notifications.find((item) => item.attributes.read === false);
  expect(notification).toBeDefined();
  const { id, attributes } = notification as { id: string; attributes: Record<string, unknown> };
  const taskId = attributes.target_id as number;

  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(request.url()));
  await page.goto('/?type=task');
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  expect(
    loaded.some((url) => /TaskFeedPage/.test(url)),
    'the inbox does not download the feed',
  ).toBe(false);

  // The row's "N new" is what the feed will mark New.
  const badge = page.locator(`[data-notification-id="${id}"]`).getByText(/^\d+ new$/);
  const badged = Number((await badge.textContent())?.split(' ')[0]);
  await page.locator(`[data-notification-id="${id}"]`).getByRole('link').click();
  await expect(page).toHaveURL(
    new RegExp(
      `/tasks/${taskId}\\?notification=${id}&unread=${attributes.first_unread_activity_id}$`,
    ),
  );
  expect(loaded.some((url) => /TaskFeedPage/.test(url))).toBe(true);

  const task = (await (await request.get(`/api/v2/tasks/${taskId}`)).json()) as {
    data: { attributes: { title: string } };
  };
  await expect(page.getByRole('heading', { level: 1 })).toContainText(task.data.attributes.title);

  const expected = await apiActivities(request, `filter[task_id]=${taskId}&page[size]=30`);
  await expect.poll(() => entryIds(page)).toEqual(expected.map((activity) => activity.id));

  // New: every activity from the first unread one on, as many as the row said; the page opens with its header
  // and the newest new entry in view.
  const firstUnread = (await (
    await request.get(`/api/v2/activities/${attributes.first_unread_activity_id}`)
  ).json()) as { data: ApiActivity };
  const since = Date.parse(firstUnread.data.attributes.created_at);
  const newIds = expected
    .filter((activity) => Date.parse(activity.attributes.created_at) >= since)
    .map((activity) => activity.id);
  expect(newIds.length).toBeGreaterThan(0);
  const marked = await page
    .locator('[data-testid="activity-entry"][data-new="true"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-activity-id')));
  expect(marked).toEqual(newIds);
  expect(marked).toHaveLength(badged);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  await expect(page.locator(`[data-activity-id="${newIds[0]}"]`).getByText('New')).toBeInViewport();

  // Opening the notification marked it read.
  await expect
    .poll(async () => (await apiNotification(request, id)).read, { timeout: 15_000 })
    .toBe(true);

  await page.getByRole('button', { name: 'Comments' }).click();
  await expect(page).toHaveURL(/kind=comments/);
  const comments = await apiActivities(
    request,
    `filter[task_id]=${taskId}&filter[type]=1&page[size]=30`,
  );
  await expect.poll(() => entryIds(page)).toEqual(comments.map((activity) => activity.id));

  await page.getByRole('button', { name: /Newest first/ }).click();
  await expect(page).toHaveURL(/order=oldest/);
  const oldest = await apiActivities(
    request,
    `filter[task_id]=${taskId}&filter[type]=1&sort=created_at&page[size]=30`,
  );
  await expect.poll(() => entryIds(page)).toEqual(oldest.map((activity) => activity.id));

  await page.getByRole('link', { name: 'Back to the inbox' }).click();
  await expect(page).toHaveURL(/\/\?type=task$/);
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('task');
});

test('one activity on its own, and not-found pages for a missing task or activity', async ({
  page,
  request,
}) => {
  const [activity] = await apiActivities(request, 'filter[task_id]=3&page[size]=1');
  await page.goto(`/activities/${activity?.id}`);
  await expect(entries(page)).toHaveCount(1);
  await page.getByRole('link', { name: 'Open the task’s activity' }).click();
  await expect(page).toHaveURL(/\/tasks\/3$/);
  await expect(entries(page).first()).toBeVisible();

  await page.goto('/tasks/99999999');
  await expect(page.getByRole('heading', { name: 'This task was not found' })).toBeVisible();
  await page.goto('/tasks/abc');
  await expect(page.getByRole('heading', { name: 'This task was not found' })).toBeVisible();
  await page.goto('/activities/99999999');
  await expect(page.getByRole('heading', { name: 'This activity was not found' })).toBeVisible();
});

test('an API failure in the feed shows an error with a retry that works', async ({ page }) => {
  let fail = true;
  await page.route('**/api/v2/activities?*', (route) =>
    fail
      ? route.fulfill({
          status: 500,
          contentType: 'application/vnd.api+json',
          body: '{"errors":[{"status":"500","title":"Server Error","detail":"Boom"}]}',
        })
      : route.continue(),
  );
  await page.goto('/tasks/4');
  await expect(page.getByText('Could not load the activity')).toBeVisible();
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(entries(page).first()).toBeVisible();
});
