import { expect, test, type Page } from '@playwright/test';
import { marker, plantHostileWorld, type HostileWorld } from './support/hostile-data.ts';
import { XSS_CORPUS } from './support/xss-corpus.ts';

let world: HostileWorld;
test.beforeAll(() => {
  world = plantHostileWorld(process.env.E2E_DB as string);
});
test.afterAll(() => world.remove());

/** Everything that would show a payload ran or reached out: dialogs, errors, foreign requests, CSP reports. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:')
      seen.push(`request: ${request.url()}`);
  });
  return seen;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
});

/** Markup a payload could only have produced by being parsed as HTML. */
const injected = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      for (const attribute of element.attributes)
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      const href = element.getAttribute('href') ?? element.getAttribute('xlink:href') ?? '';
      if (/^\s*(javascript|data|vbscript):/i.test(href)) found.push(`${element.tagName} href`);
    }
    const tags =
      'script, iframe, object, embed, base, meta, link, style, img, video, audio, form, math, template, marquee, x-evil, input[type=image], svg script, svg a, svg animate';
    for (const element of document.body.querySelectorAll(tags)) {
      // The app's own dialogs (Save view: a form with a Name field) are not from any API string.
      if (element.tagName === 'FORM' && element.closest('dialog[aria-labelledby]')) continue;
      found.push(element.tagName);
    }
    const xss = (window as unknown as { violations: string[] }).violations;
    return [...found, ...xss.map((violation) => `CSP: ${violation}`)];
  });

/** Scrolls the virtualized list to its end, collecting the text of every row by id. */
async function collectRows(page: Page, expected: number) {
  const texts = new Map<string, string>();
  for (let step = 0; step < 200 && texts.size < expected; step++) {
    const rows = await page
      .getByTestId('notification-row')
      .evaluateAll((elements) =>
        elements.map((element) => [
          element.getAttribute('data-notification-id') as string,
          (element as HTMLElement).innerText,
        ]),
      );
    for (const [id, text] of rows) texts.set(id as string, text as string);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(50);
  }
  return texts;
}

test(`${XSS_CORPUS.length} hostile payloads in every notification field: shown as text, nothing runs`, async ({
  page,
}) => {
  expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60);
  const seen = watch(page);
  const response = await page.goto(`/?project=${world.projectId}`);
  // The app runs under a policy that forbids inline script and any other origin.
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  await expect(page.getByTestId('notification-row').first()).toBeVisible();
  const rows = await collectRows(page, world.notificationIds.length);
  expect(rows.size).toBe(world.notificationIds.length);

  world.notificationIds.forEach((id, index) => {
    const text = rows.get(String(id))?.toLowerCase() ?? '';
    // Actor name, title, excerpt. (A row names its project now, not its parent: the parent title is the reading
    // pane's and the feed's, checked there.)
    for (const field of ['n', 'z', 'e'])
      expect(text, `row ${index}`).toContain(marker(field, index));
  });
  // The picker shows the hostile project name as text.
  await expect(page.locator('summary').filter({ hasText: marker('p', 5) })).toBeVisible();
  // Toasts name the target by its title: dismiss the first few hostile rows and read them. Each is undone before
  // the next (dismisses one after another would join in one "Dismissed 2 notifications" toast).
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const [index, id] of world.notificationIds.slice(0, 3).entries()) {
    await page
      .locator(`[data-notification-id="${id}"]`)
      .getByRole('button', { name: /^Dismiss:/ })
      .click();
    const toast = page.getByRole('status').last();
    await expect(toast).toContainText(marker('g', index), { ignoreCase: true });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator(`[data-notification-id="${id}"]`)).toBeVisible();
  }

  expect(await injected(page)).toEqual([]);
  expect(seen).toEqual([]);
  expect(await page.evaluate(() => document.body.innerText.length)).toBeGreaterThan(1000);
});

test('hostile task, comments, emails, changeset fields and values in the feed: shown as text, nothing runs', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const seen = watch(page);
  await page.goto(`/tasks/${world.taskId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(marker('t', 13));
  const entries = page.getByTestId('activity-entry');
  await expect(entries.first()).toBeVisible();
  // Load every page of the feed.
  const more = page.getByRole('button', { name: 'Load older activity' });
  for (let step = 0; step < 20 && (await entries.count()) < world.activityCount; step++) {
    // The button is replaced whenever a page arrives (scrolling loads on its own): a click may miss it.
    if (await more.isVisible()) await more.click({ timeout: 2000 }).catch(() => {});
    else await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(100);
  }
  await expect(entries).toHaveCount(world.activityCount);
  const text = (await page.locator('main').innerText()).toLowerCase();

  const missing: string[] = [];
  XSS_CORPUS.forEach((_, index) => {
    // Comment body and its author's name, changeset field name and values of three shapes.
    const fields = ['c', 'n', 'f', 'v', 'w', 'x', 'a'];
    if (index % 4 === 0) fields.push('s');
    for (const field of fields)
      if (!text.includes(marker(field, index))) missing.push(marker(field, index));
  });
  expect(missing).toEqual([]);

  expect(await injected(page)).toEqual([]);
  expect(seen).toEqual([]);
});
