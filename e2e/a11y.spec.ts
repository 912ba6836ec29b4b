import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';

const rows = (page: Page) => page.getByTestId('notification-row');
const SERVER_ERROR = {
  status: 500,
  contentType: 'application/vnd.api+json',
  body: '{"errors":[{"status":"500","title":"Server Error","detail":"Boom"}]}',
};

async function taskWithActivity(page: Page) {
  const response = await page.request.get(
    '/api/v2/notifications?filter[dismissed]=false&filter[type]=task&page[size]=50',
  );
  const body = (await response.json()) as {
    data: { attributes: { target_id: number; new_activities_count: number } }[];
  };
  const notification =
    body.data.find((item) => item.attributes.new_activities_count > 1) ?? body.data[0];
  return notification?.attributes.target_id as number;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`inbox pages and states have no axe violations (${colorScheme})`, async ({
      page,
      context,
      browser,
    }) => {
      // About twenty axe runs and the error state's retries: more than the default 30 s on a slow machine.
      test.setTimeout(120_000);
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      await expect(page.locator('html')).toHaveClass(
        colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/,
      );
      await expectNoViolations(page, 'inbox list');

      // A current row, a selection and its bar.
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await expect(page.getByRole('button', { name: /Dismiss 1 notification/ })).toBeVisible();
      await expectNoViolations(page, 'selection');
      await page.keyboard.press('Escape');

      // A toast with Undo, in its live region.
      await rows(page)
        .nth(1)
        .getByRole('button', { name: /^Dismiss:/ })
        .click();
      await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible();
      await expectNoViolations(page, 'toast');

      // The help dialog.
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoViolations(page, 'help dialog');
      await page.keyboard.press('Escape');

      // The project picker, open.
      await page.locator('summary', { hasText: 'All projects' }).click();
      await expect(page.getByLabel('Search projects')).toBeVisible();
      await expectNoViolations(page, 'project picker');
      await page.keyboard.press('Escape');

      for (const path of [
        '/important',
        '/mentions',
        '/dismissed',
        '/?type=task&importance=important',
      ]) {
        await page.goto(path);
        await expect(rows(page).first()).toBeVisible();
        await expectNoViolations(page, path);
      }

      await page.goto('/?type=bogus&page=-1');
      await expect(page.getByText(/ignored/i).first()).toBeVisible();
      await expectNoViolations(page, 'notice of ignored filters');

      await page.goto('/?before=2000-01-02');
      await expect(page.getByText(/No notifications/i).first()).toBeVisible();
      await expectNoViolations(page, 'empty');

      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, 'not found page');

      // Loading and error states, in a fresh context (the list cache persists across reloads), in a view whose
      // first page the page does not carry (the Inbox view's is written into it: docs/decisions/019).
      const fresh = await browser.newContext({ colorScheme });
      const blank = await fresh.newPage();
      await blank.route('**/api/v2/notifications?*', () => {});
      await blank.goto('/important');
      await expect(
        blank.getByRole('status').filter({ hasText: 'Loading notifications' }),
      ).toBeAttached();
      await expectNoViolations(blank, 'loading');
      await blank.unrouteAll({ behavior: 'ignoreErrors' });
      await fresh.close();
      // Another fresh context: a page that goes away saves the cache it has (src/app/persistence.ts).
      const failing = await browser.newContext({ colorScheme });
      const broken = await failing.newPage();
      await broken.route('**/api/v2/notifications?*', (route) => route.fulfill(SERVER_ERROR));
      await broken.goto('/important');
      await expect(broken.getByRole('button', { name: 'Try again' })).toBeVisible({
        timeout: 15_000,
      });
      await expectNoViolations(broken, 'error');
      await failing.close();

      // Offline banner.
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      await context.setOffline(true);
      await expect(page.getByText(/offline/i).first()).toBeVisible();
      await expectNoViolations(page, 'offline');
      await context.setOffline(false);
    });

    test(`activity feed pages and states have no axe violations (${colorScheme})`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const taskId = await taskWithActivity(page);
      await page.goto(`/tasks/${taskId}`);
      await expect(page.getByTestId('activity-entry').first()).toBeVisible();
      await expectNoViolations(page, 'task feed');

      await page.getByRole('button', { name: 'Comments' }).click();
      await expectNoViolations(page, 'task feed, comments only');

      const activities = await page.request.get(
        '/api/v2/activities?filter[event]=create&page[size]=1',
      );
      const activityId = ((await activities.json()) as { data: { id: string }[] }).data[0]?.id;
      await page.goto(`/activities/${activityId}`);
      await expect(page.getByTestId('activity-entry').first()).toBeVisible();
      await expectNoViolations(page, 'one activity');

      await page.goto('/tasks/99999999');
      await expect(page.getByRole('heading', { name: 'This task was not found' })).toBeVisible();
      await expectNoViolations(page, 'task not found');

      await page.route('**/api/v2/activities?*', (route) => route.fulfill(SERVER_ERROR));
      await page.goto(`/tasks/${taskId}`);
      await expect(page.getByText('Could not load the activity')).toBeVisible({ timeout: 15_000 });
      await expectNoViolations(page, 'feed error');
    });
  });
}
