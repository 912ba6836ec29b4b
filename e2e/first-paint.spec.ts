import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/** The Inbox view's first rows, written into the page by the server (docs/decisions/019). */

const FIRST_PAGE =
  '/api/v2/notifications?filter[dismissed]=false&include=actor&page[number]=1&page[size]=50';

async function firstTitles(request: APIRequestContext) {
  const answer = (await (await request.get(FIRST_PAGE)).json()) as {
    data: { attributes: { title: string } }[];
  };
  // The rows show titles as text (no markup).
  return answer.data.slice(0, 3).map((item) => item.attributes.title.replace(/<\/?b>/g, ''));
}

test('the first rows show before any of the app’s code has run', async ({ page, request }) => {
  const titles = await firstTitles(request);
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/');
  const rows = page.getByTestId('first-paint-row');
  await expect(rows).toHaveCount(24);
  for (const [index, title] of titles.entries()) await expect(rows.nth(index)).toContainText(title);
  // Text to look at, nothing to press: no links, buttons or fields, and nothing in the Tab order.
  await expect(page.locator('#first-paint a, #first-paint button, #first-paint input')).toHaveCount(
    0,
  );
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#first-paint'))).toBeNull();
});

test('before any script has run they follow the system’s dark mode, and a saved choice once it has', async ({
  browser,
}) => {
  const background = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
  const dark = await browser.newContext({ colorScheme: 'dark' });
  try {
    const page = await dark.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    await expect(page.getByTestId('first-paint-row').first()).toBeVisible();
    // Not white: the dark background, with no script to set the class.
    expect(await background(page, '#first-paint')).not.toBe('rgb(255, 255, 255)');
    expect(await background(page, '[data-testid="first-paint-row"]')).not.toBe(
      'rgb(255, 255, 255)',
    );
    // The saved choice (light) wins once the app runs.
    const app = await dark.newPage();
    await app.goto('/');
    await app.evaluate(() => localStorage.setItem('inbox.theme', 'light'));
    await app.reload();
    await expect(
      app.locator('[data-testid="notification-row"][data-notification-id]').first(),
    ).toBeVisible();
    expect(await background(app, '[data-testid="notification-row"]')).toBe('rgb(255, 255, 255)');
  } finally {
    await dark.close();
  }
});

test('the app takes over from them with its own rows, read from the page', async ({
  page,
  request,
}) => {
  const titles = await firstTitles(request);
  // The list's own request held back: the app's rows can only come from what the page carries.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v2/notifications?**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(page.locator('#root')).toBeVisible();
  const first = page.locator('[data-testid="notification-row"][data-notification-id]').first();
  await expect(first).toContainText(titles[0] ?? '');
  // Every row on the screen is the app's now: each can be opened.
  const rows = page.getByTestId('notification-row');
  await expect(rows.first().getByRole('link')).toBeVisible();
  await expect(page.getByTestId('first-paint-row')).toHaveCount(0);
  expect(await rows.count()).toBe(
    await page.locator('[data-testid="notification-row"][data-notification-id]').count(),
  );
  release();
});

test('they are laid out as the app’s rows are: the same height, more than a laptop screen holds', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/');
  const painted = page.getByTestId('first-paint-row');
  await expect(painted).toHaveCount(24);
  const paintedHeight = (await painted.first().boundingBox())?.height ?? 0;
  const lastTop = (await painted.last().boundingBox())?.y ?? 0;
  expect(lastTop).toBeGreaterThan(800);

  await page.unrouteAll();
  await page.goto('/');
  const row = page.locator('[data-testid="notification-row"][data-notification-id]').first();
  await expect(row).toBeVisible();
  const appHeight = (await row.boundingBox())?.height ?? 0;
  expect(Math.abs(paintedHeight - appHeight)).toBeLessThanOrEqual(1);
});

for (const [name, width, height] of [
  ['a phone', 390, 844],
  ['a laptop', 1440, 900],
] as const) {
  test(`on ${name}, each row of the layer sits where the app's own row will: the list does not move as it takes over`, async ({
    browser,
  }) => {
    const tops = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({
        viewport: { width, height },
        javaScriptEnabled,
        timezoneId: 'Europe/Zagreb',
      });
      const page = await context.newPage();
      // The app says the reader's time zone (a cookie) on its first visit; the layer's day headers follow it.
      if (!javaScriptEnabled) {
        const warm = await browser.newContext({ timezoneId: 'Europe/Zagreb' });
        const first = await warm.newPage();
        await first.goto('/');
        await expect(first.getByTestId('notification-row').first()).toBeVisible();
        await expect
          .poll(async () => (await warm.cookies()).some((cookie) => cookie.name === 'inbox-tz'))
          .toBe(true);
        await context.addCookies(await warm.cookies());
        await warm.close();
      }
      await page.goto('/');
      const selector = javaScriptEnabled
        ? '[data-testid="notification-row"][data-notification-id]'
        : '[data-testid="first-paint-row"]';
      await expect(page.locator(selector).first()).toBeVisible();
      const found = await page.locator(selector).evaluateAll((rows) =>
        rows.slice(0, 12).map((row) => {
          const box = row.getBoundingClientRect();
          return [Math.round(box.top), Math.round(box.left), Math.round(box.width)];
        }),
      );
      await context.close();
      return found;
    };
    const layer = await tops(false);
    const app = await tops(true);
    expect(layer).toHaveLength(12);
    expect(layer).toEqual(app);
  });
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a second visit asks for the page as the worker starts, and still gets the first rows', async ({
    page,
  }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await navigator.serviceWorker.ready).navigationPreload.getState(),
        ),
      )
      .toMatchObject({ enabled: true });
    const navigation = page.waitForResponse((response) => response.request().isNavigationRequest());
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // The worker answered with the preloaded page, rows and all.
    expect(await (await navigation).text()).toContain('data-testid="first-paint-row"');
    await expect(page.getByTestId('notification-row').first()).toBeVisible();
  });
});

test('another view, or filters, start without them', async ({ page }) => {
  for (const path of ['/important', '/?type=task']) {
    const response = await page.request.get(path, {
      headers: { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' },
    });
    expect(await response.text()).not.toContain('data-testid="first-paint-row"');
  }
});
