import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';

interface ApiNotification {
  id: string;
  attributes: {
    target_id: number;
    target_type: string;
    target_title: string;
    parent_title: string | null;
    excerpt: string;
    changeset: unknown[];
  };
}

/** A notification of a type, straight from the server (one with a changeset when asked). */
async function notificationOf(request: APIRequestContext, type: string, withChangeset = false) {
  const response = await request.get(`/api/v2/notifications?filter[type]=${type}&page[size]=200`);
  const { data } = (await response.json()) as { data: ApiNotification[] };
  const found = withChangeset ? data.find((item) => item.attributes.changeset.length > 0) : data[0];
  expect(found, `a ${type} notification in the demo data`).toBeDefined();
  return found as ApiNotification;
}

/** The ids of a feed's activities as the API lists them, newest first (its first page). */
async function activityIds(request: APIRequestContext, filter: string) {
  const response = await request.get(`/api/v2/activities?${filter}&page[size]=30`);
  return ((await response.json()) as { data: { id: string }[] }).data.map((item) => item.id);
}

const entryIds = (page: Page) =>
  page
    .getByTestId('activity-entry')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-activity-id')));

async function expectOpenInProductive(page: Page) {
  // Demo mode: its organization is not one in Productive, so the link promises only Productive itself.
  const link = page.getByRole('link', { name: /^Open Productive/ });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('href', 'https://app.productive.io/');
}

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('a deal’s page: its name and company, the entries the API lists for filter[deal_id]', async ({
      page,
      request,
    }) => {
      const { attributes } = await notificationOf(request, 'deal');
      const expected = await activityIds(request, `filter[deal_id]=${attributes.target_id}`);
      expect(expected.length).toBeGreaterThan(0);

      await page.goto(`/deals/${attributes.target_id}`);
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveText(`Deal: ${attributes.target_title}`);
      await expect(page.locator('header').getByText(`in ${attributes.parent_title}`)).toBeVisible();
      await expect.poll(() => entryIds(page)).toEqual(expected);
      await expectOpenInProductive(page);
    });

    test('a discussion’s page: its topic and project, the entries the API lists for filter[discussion_id]', async ({
      page,
      request,
    }) => {
      const { attributes } = await notificationOf(request, 'discussion');
      const filter = `filter[discussion_id]=${attributes.target_id}`;
      const expected = await activityIds(request, filter);
      expect(expected.length).toBeGreaterThan(0);
      const first = (await (await request.get(`/api/v2/activities?${filter}`)).json()) as {
        data: { attributes: { root_name: string } }[];
      };

      await page.goto(`/discussions/${attributes.target_id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        `Discussion: ${attributes.target_title}`,
      );
      await expect(
        page.locator('header').getByText(`in ${first.data[0]?.attributes.root_name}`),
      ).toBeVisible();
      await expect.poll(() => entryIds(page)).toEqual(expected);
      await expectOpenInProductive(page);
    });

    test('deals and discussions that do not exist say so', async ({ page }) => {
      await page.goto('/deals/99999999');
      await expect(page.getByRole('heading', { name: 'This deal was not found' })).toBeVisible();
      await page.goto('/discussions/abc');
      await expect(
        page.getByRole('heading', { name: 'This discussion was not found' }),
      ).toBeVisible();
      await page.goto('/notifications/99999999');
      await expect(
        page.getByRole('heading', { name: 'This notification was not found' }),
      ).toBeVisible();
    });

    test('a deal notification in the list opens its deal’s page (beside the list when wide), and back returns to the list', async ({
      page,
      request,
    }) => {
      const notification = await notificationOf(request, 'deal');
      await page.goto('/?type=deal');
      const row = page.locator(`[data-notification-id="${notification.id}"]`);
      await row.getByRole('link').first().click();
      if (viewport.width >= 1024) {
        await expect(page).toHaveURL(new RegExp(`/\\?type=deal&open=${notification.id}$`));
        const pane = page.getByRole('region', { name: 'Reading pane' });
        await expect(pane.getByRole('heading', { level: 2 }).first()).toContainText(
          notification.attributes.target_title,
        );
        await page.goBack();
        await expect(page).toHaveURL(/\/\?type=deal$/);
        await expect(pane).toHaveCount(0);
        return;
      }
      await expect(page).toHaveURL(
        new RegExp(`/deals/${notification.attributes.target_id}\\?notification=${notification.id}`),
      );
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        notification.attributes.target_title,
      );
      await page.getByRole('link', { name: /Back to the inbox/ }).click();
      await expect(page).toHaveURL(/\/\?type=deal$/);
    });

    test('a page notification opens as a card with its title, parent and changeset (the seed’s page notifications carry no excerpt)', async ({
      page,
      request,
    }) => {
      const notification = await notificationOf(request, 'page', true);
      await page.goto(`/notifications/${notification.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        notification.attributes.target_title,
      );
      const card = page.getByTestId('notification-card');
      await expect(card).toBeVisible();
      await expect(card.getByRole('list', { name: 'Changes' }).getByRole('listitem')).toHaveCount(
        notification.attributes.changeset.length,
      );
      await expect(card).toContainText('cannot list a page’s activity');
      await expect(page.getByText(`in ${notification.attributes.parent_title}`)).toBeVisible();
      await expectOpenInProductive(page);
    });
  });
}

test('a todo’s detail is its task’s feed with the todo’s own activities marked; a task’s is its feed', async ({
  page,
  request,
}) => {
  const loaded: string[] = [];
  page.on('request', (sent) => loaded.push(sent.url()));
  await page.goto('/');
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  expect(
    loaded.filter((url) => /(NotificationPage|FeedPage|NotificationDetail)-/.test(url)),
    'the inbox downloads no detail or feed code',
  ).toEqual([]);

  const todo = await notificationOf(request, 'todo');
  const response = await request.get(`/api/v2/notifications/${todo.id}`);
  const { parent_id: taskId } = (
    (await response.json()) as {
      data: { attributes: { parent_id: number } };
    }
  ).data.attributes;
  const feed = (await (
    await request.get(`/api/v2/activities?filter[task_id]=${taskId}&page[size]=30`)
  ).json()) as { data: { id: string; attributes: { item_type: string; item_id: number } }[] };
  const own = feed.data
    .filter(
      (item) =>
        item.attributes.item_type === 'todo' &&
        item.attributes.item_id === todo.attributes.target_id,
    )
    .map((item) => item.id);
  expect(own.length).toBeGreaterThan(0);

  await page.goto(`/notifications/${todo.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(todo.attributes.target_title);
  await expect.poll(() => entryIds(page)).toEqual(feed.data.map((item) => item.id));
  const marked = await page
    .locator('[data-testid="activity-entry"][data-marked="true"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-activity-id')));
  expect(marked).toEqual(own);
  await expectOpenInProductive(page);

  const task = await notificationOf(request, 'task');
  const expected = await activityIds(request, `filter[task_id]=${task.attributes.target_id}`);
  await page.goto(`/notifications/${task.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(task.attributes.target_title);
  await expect.poll(() => entryIds(page)).toEqual(expected);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the deal page and a notification card have no axe violations (${colorScheme})`, async ({
      page,
      request,
    }) => {
      test.setTimeout(60_000);
      const deal = await notificationOf(request, 'deal');
      await page.goto(`/deals/${deal.attributes.target_id}`);
      await expect(page.getByTestId('activity-entry').first()).toBeVisible();
      await expectNoViolations(page, 'deal page');

      const pageNotification = await notificationOf(request, 'page', true);
      await page.goto(`/notifications/${pageNotification.id}`);
      await expect(page.getByTestId('notification-card')).toBeVisible();
      await expectNoViolations(page, 'page card');

      await page.goto(`/notifications/${deal.id}`);
      await expect(page.getByTestId('activity-entry').first()).toBeVisible();
      await expectNoViolations(page, 'deal notification detail');

      await page.goto('/deals/99999999');
      await expect(page.getByRole('heading', { name: 'This deal was not found' })).toBeVisible();
      await expectNoViolations(page, 'deal not found');
    });
  });
}
