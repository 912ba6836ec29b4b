import { expect, test, type APIRequestContext } from '@playwright/test';

// The feed reads well: an email shows its body (safe markup), a page whose code cannot be downloaded says so
// with Retry, icons are inline SVG (no emoji), and dates are written one way.
interface Resource {
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: { id: string } | null }>;
}
async function api(request: APIRequestContext, path: string) {
  return (await (await request.get(`/api/v2/${path}`)).json()) as {
    data: Resource[];
    included?: Resource[];
  };
}

test('an email in the feed shows its body, as markup, not as tags', async ({ page, request }) => {
  const { data, included = [] } = await api(
    request,
    'activities?filter[type]=3&include=email&page[size]=1',
  );
  const activity = data[0] as Resource;
  const email = included.find((item) => item.id === activity.relationships?.email?.data?.id);
  const body = String(email?.attributes.body);
  expect(body).toContain('<p>');
  await page.goto(`/tasks/${String(activity.attributes.task_id)}?kind=emails`);
  const entry = page.locator(`[data-activity-id="${activity.id}"]`);
  const shown = entry.getByTestId('email-body');
  await expect(shown).toBeVisible();
  const paragraphs = body.match(/<p>(.*?)<\/p>/g) ?? [];
  expect(paragraphs.length).toBeGreaterThan(1);
  await expect(shown.locator('p')).toHaveCount(paragraphs.length);
  await expect(shown).toContainText('Hi team,');
  expect(await shown.textContent()).not.toContain('<');
});

test('a feed whose code cannot be downloaded says so, and Retry loads it', async ({ page }) => {
  // Below 1024 px a notification opens as a page of its own (wider, in the reading pane: e2e/pane.spec.ts).
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/?type=task');
  const link = page.getByTestId('notification-row').first().getByRole('link');
  await expect(link).toBeVisible();
  await page.route('**/assets/TaskFeedPage-*.js', (route) => route.abort('connectionrefused'));
  await link.click();
  await expect(page.getByRole('heading', { name: 'This page could not load' })).toBeVisible();
  await expect(page.getByText(/Failed to fetch|dynamically imported/)).toHaveCount(0);
  await page.unroute('**/assets/TaskFeedPage-*.js');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('activity-entry').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '← Back to the inbox' })).toBeVisible();
});

test('icons are inline SVG, never emoji; the due date is written like every other date', async ({
  page,
  request,
}) => {
  const { data } = await api(request, 'activities?include=attachment&page[size]=200');
  const withAttachment = data.find((item) => item.relationships?.attachment?.data) as Resource;
  const taskId = String(withAttachment.attributes.task_id);
  const task = (await api(request, `tasks/${taskId}`)).data as unknown as Resource;
  await page.goto(`/tasks/${taskId}`);
  const entry = page.locator(`[data-activity-id="${withAttachment.id}"]`);
  await expect(entry).toBeVisible({ timeout: 10_000 });
  await expect(entry.locator('svg[data-icon="paperclip"]')).toHaveCount(1);
  const emoji = /\p{Extended_Pictographic}/u;
  expect(emoji.test((await page.locator('body').innerText()) ?? '')).toBe(false);

  const due = task.attributes.due_date as string | null;
  if (due) {
    const expected = await page.evaluate((day) => {
      const date = new Date(`${day}T00:00:00`);
      return new Intl.DateTimeFormat(undefined, {
        day: 'numeric',
        month: 'short',
        ...(date.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }),
      }).format(date);
    }, due);
    await expect(page.getByText(`Due ${expected}`)).toBeVisible();
  }
  await expect(page.getByText(/Due \d{4}-\d{2}-\d{2}/)).toHaveCount(0);

  await page.goto('/?importance=important');
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  expect(emoji.test(await page.locator('body').innerText())).toBe(false);
  await expect(page.locator('svg[data-icon="star"]').first()).toBeVisible();
});
