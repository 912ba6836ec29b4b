import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { OwnServer } from './support/own-server.ts';

// Replying from the inbox: the composer under a feed (its page, and a notification's detail), with a mention,
// against the real embedded server and its database.

interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: { id: string; type: string } | null }>;
}

/** The comment bodies of a feed as the API has them, newest first. */
async function commentBodies(request: APIRequestContext, filter: string): Promise<string[]> {
  const response = await request.get(
    `/api/v2/activities?${filter}&filter[type]=1&include=comment&page[size]=30`,
  );
  const document = (await response.json()) as { data: Resource[]; included?: Resource[] };
  const bodies = new Map(
    (document.included ?? [])
      .filter((item) => item.type === 'comments')
      .map((item) => [item.id, String(item.attributes.body)]),
  );
  return document.data.flatMap((activity) => {
    const id = activity.relationships?.comment?.data?.id;
    return id && bodies.has(id) ? [bodies.get(id) as string] : [];
  });
}

/** A task with some activity, and a person to mention (the first whose first name is unique enough). */
async function aTask(request: APIRequestContext, index = 0) {
  const response = await request.get('/api/v2/activities?page[size]=100');
  const ids = [
    ...new Set(
      ((await response.json()) as { data: Resource[] }).data
        .map((item) => item.attributes.task_id)
        .filter((id): id is number => typeof id === 'number' && id > 0),
    ),
  ];
  expect(ids.length).toBeGreaterThan(index);
  return ids[index] as number;
}

async function aPerson(request: APIRequestContext) {
  const response = await request.get('/api/v2/people?page[size]=200');
  const people = ((await response.json()) as { data: Resource[] }).data.filter(
    (person) => !person.attributes.deactivated_at && !person.attributes.archived_at,
  );
  const person = people[3] as Resource;
  return {
    id: person.id,
    name: `${String(person.attributes.first_name)} ${String(person.attributes.last_name)}`,
  };
}

async function aNotification(request: APIRequestContext, type: string) {
  const response = await request.get(`/api/v2/notifications?filter[type]=${type}&page[size]=50`);
  const found = ((await response.json()) as { data: Resource[] }).data[0];
  expect(found, `a ${type} notification in the demo data`).toBeDefined();
  return found as Resource;
}

const composer = (page: Page) => page.getByRole('textbox', { name: 'Write a comment' });
const pending = (page: Page) => page.getByTestId('pending-reply');
const entries = (page: Page) => page.getByTestId('activity-entry');

/** Holds every reply's request until the returned function is called. */
async function holdReplies(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v2/comments', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('keyboard only: r, a mention picked with the arrows, Ctrl+Enter; shown at once, then in the API', async ({
  page,
  request,
}) => {
  const taskId = await aTask(request);
  const person = await aPerson(request);
  await page.goto(`/tasks/${taskId}`);
  await expect(entries(page).first()).toBeVisible();
  const firstName = person.name.split(' ')[0] as string;

  await page.keyboard.press('r');
  await expect(composer(page)).toBeFocused();
  await page.keyboard.type(`Thanks @${firstName.slice(0, 3)}`);
  const list = page.getByRole('listbox', { name: 'People to mention' });
  await expect(list).toBeVisible();
  const options = list.getByRole('option');
  const names = await options.allTextContents();
  const index = names.indexOf(person.name);
  expect(index, `${person.name} among ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
  const activeId = await composer(page).getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveText(person.name);
  await expect(page.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await page.keyboard.type('for <b>this</b>');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Second line');
  await expect(composer(page)).toHaveValue(`Thanks @${person.name} for <b>this</b>\nSecond line`);

  const release = await holdReplies(page);
  await page.keyboard.press('Control+Enter');
  await expect(pending(page)).toHaveCount(1);
  await expect(pending(page)).toContainText('Sending…');
  await expect(pending(page)).toContainText(`Thanks @${person.name} for <b>this</b>`);
  await expect(composer(page)).toHaveValue('');
  release();

  // Accepted: an ordinary entry, the first of the feed, and the markup Productive's comments carry.
  await expect(pending(page)).toHaveCount(0);
  await expect(entries(page).first()).toContainText(`Thanks @${person.name} for <b>this</b>`);
  expect((await commentBodies(request, `filter[task_id]=${taskId}`))[0]).toBe(
    `<p>Thanks @[Person:${person.id}:${person.name}] for &lt;b&gt;this&lt;/b&gt;<br>Second line</p>`,
  );

  // Esc leaves the composer for the feed.
  await composer(page).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Activity' })).toBeFocused();
});

for (const type of ['deal', 'discussion'] as const) {
  test(`reply from a ${type} notification's detail page`, async ({ page, request }) => {
    const notification = await aNotification(request, type);
    await page.goto(`/notifications/${notification.id}`);
    await expect(entries(page).first()).toBeVisible();
    await page.keyboard.press('r');
    await expect(composer(page)).toBeFocused();
    await page.keyboard.type(`On this ${type}, from its notification`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(entries(page).first()).toContainText(`On this ${type}, from its notification`);
    await expect(pending(page)).toHaveCount(0);
    expect(
      (
        await commentBodies(
          request,
          `filter[${type}_id]=${String(notification.attributes.target_id)}`,
        )
      )[0],
    ).toBe(`<p>On this ${type}, from its notification</p>`);
  });
}

test('a refused reply keeps its text with the reason, and Retry sends it once', async ({
  page,
  request,
}) => {
  const taskId = await aTask(request, 1);
  await page.goto(`/tasks/${taskId}`);
  await expect(entries(page).first()).toBeVisible();
  let refused = false;
  await page.route('**/api/v2/comments', async (route) => {
    if (refused) return route.continue();
    refused = true;
    await route.fulfill({
      status: 500,
      contentType: 'application/vnd.api+json',
      body: JSON.stringify({
        errors: [{ status: '500', title: 'Server error', detail: 'Something broke' }],
      }),
    });
  });
  await composer(page).fill('Worth keeping');
  await composer(page).press('Control+Enter');
  await expect(pending(page)).toContainText('Not sent: Something broke');
  await expect(pending(page)).toContainText('Worth keeping');
  // The text survives a reload too: it is in the outbox, waiting for Retry.
  await page.reload();
  await expect(pending(page)).toContainText('Not sent: Something broke');
  await pending(page).getByRole('button', { name: 'Retry' }).click();
  await expect(pending(page)).toHaveCount(0);
  await expect(entries(page).first()).toContainText('Worth keeping');
  const bodies = await commentBodies(request, `filter[task_id]=${taskId}`);
  expect(bodies.filter((body) => body === '<p>Worth keeping</p>')).toHaveLength(1);
});

test('a draft is kept per item through navigation and reload, and cleared on send', async ({
  page,
  request,
}) => {
  const [first, second] = [await aTask(request, 2), await aTask(request, 3)];
  await page.goto(`/tasks/${first}`);
  await composer(page).fill('Half a thought');
  await page.goto(`/tasks/${second}`);
  await expect(composer(page)).toHaveValue('');
  await page.goBack();
  await expect(composer(page)).toHaveValue('Half a thought');
  await page.reload();
  await expect(composer(page)).toHaveValue('Half a thought');
  await composer(page).press('Control+Enter');
  await expect(pending(page)).toHaveCount(0);
  await page.reload();
  await expect(entries(page).first()).toContainText('Half a thought');
  await expect(composer(page)).toHaveValue('');
});

test.describe('390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the composer, its mention list and Send fit and work', async ({ page, request }) => {
    const taskId = await aTask(request, 4);
    await page.goto(`/tasks/${taskId}`);
    await expect(entries(page).first()).toBeVisible();
    await composer(page).tap();
    await page.keyboard.type('Hey @a');
    const list = page.getByRole('listbox', { name: 'People to mention' });
    await expect(list).toBeVisible();
    for (const element of [composer(page), list, page.getByRole('button', { name: 'Send' })]) {
      const box = await element.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
      expect((box?.y ?? -1) >= 0 && (box?.y ?? 0) + (box?.height ?? 0) <= 844).toBe(true);
    }
    const name = (await list.getByRole('option').first().textContent()) as string;
    await list.getByRole('option').first().tap();
    await expect(composer(page)).toHaveValue(`Hey @${name} `);
    await page.getByRole('button', { name: 'Send' }).tap();
    await expect(entries(page).first()).toContainText(`Hey @${name}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the composer, its mention list and refused replies with Retry (${colorScheme})`, async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme });
    const taskId = await aTask(request, 5);
    await page.goto(`/tasks/${taskId}`);
    await expect(entries(page).first()).toBeVisible();
    await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await composer(page).fill('');
    await composer(page).pressSequentially('Look @a');
    await expect(page.getByRole('listbox', { name: 'People to mention' })).toBeVisible();
    await expectNoViolations(page, `composer with the mention list (${colorScheme})`);
    await page.keyboard.press('Escape');

    await page.route('**/api/v2/comments', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/vnd.api+json',
        body: JSON.stringify({ errors: [{ status: '422', detail: 'Refused for the test' }] }),
      }),
    );
    await composer(page).press('Control+Enter');
    await expect(pending(page)).toContainText('Not sent: Refused for the test');
    await composer(page).fill('Too short');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(pending(page)).toHaveCount(2);
    await expectNoViolations(page, `refused replies with Retry (${colorScheme})`);
  });
}

test.describe('offline', () => {
  // The app shell from the service worker, so that a reload works while the server is down.
  test.use({ serviceWorkers: 'allow' });
  const server = new OwnServer(Number(process.env.E2E_PORT ?? 4319) + 5);
  test.beforeAll(async () => server.start());
  test.afterAll(async () => server.stop());

  test('a reply written while the server is down waits in the queue, through a reload, and goes when it is back', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const activities = await server.get<{ data: Resource[] }>('/activities?page[size]=50');
    const taskId = activities.data.find((item) => Number(item.attributes.task_id) > 0)?.attributes
      .task_id as number;
    await page.goto(`${server.base}/tasks/${taskId}`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect(entries(page).first()).toBeVisible();

    await server.stop();
    try {
      await composer(page).fill('Written offline');
      await composer(page).press('Control+Enter');
      await expect(pending(page)).toContainText('Waiting for the server', { timeout: 20_000 });
      await page.reload();
      await expect(page.getByText('The server cannot be reached')).toBeVisible();
      await expect(pending(page)).toContainText('Written offline');
    } finally {
      await server.start();
    }
    await expect(pending(page)).toHaveCount(0, { timeout: 20_000 });
    await expect(entries(page).first()).toContainText('Written offline');
    const bodies = await (async () => {
      const document = await server.get<{ data: Resource[]; included?: Resource[] }>(
        `/activities?filter[task_id]=${taskId}&filter[type]=1&include=comment&page[size]=30`,
      );
      return (document.included ?? []).map((item) => String(item.attributes.body));
    })();
    expect(bodies.filter((body) => body === '<p>Written offline</p>')).toHaveLength(1);
  });
});
