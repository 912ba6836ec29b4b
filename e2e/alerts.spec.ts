import { DatabaseSync } from 'node:sqlite';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { apiNotifications } from './support/api.ts';
import { expectNoViolations } from './support/axe.ts';

/**
 * Desktop notifications, with the browser's Notification replaced by a recorder: its permission is kept in the
 * page's storage (so every tab of the context shares it, as a browser's would), `requestPermission` answers as the
 * test says, and every notification shown is recorded on the page that showed it.
 */
function recordNotifications(context: BrowserContext, answer: NotificationPermission) {
  return context.addInitScript((answer: NotificationPermission) => {
    const KEY = 'e2e.notification-permission';
    const shown: { title: string; body: string; tag: string; onclick: (() => void) | null }[] = [];
    class RecordedNotification {
      static get permission() {
        return (localStorage.getItem(KEY) as NotificationPermission | null) ?? 'default';
      }
      static requestPermission() {
        localStorage.setItem(
          'e2e.permission-asked',
          String(Number(localStorage.getItem('e2e.permission-asked') ?? 0) + 1),
        );
        localStorage.setItem(KEY, answer);
        return Promise.resolve(answer);
      }
      title: string;
      body: string;
      tag: string;
      onclick: ((event: Event) => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        this.title = title;
        this.body = options.body ?? '';
        this.tag = options.tag ?? '';
        shown.push(this as never);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', {
      value: RecordedNotification,
      configurable: true,
    });
    Object.defineProperty(window, 'shownNotifications', { value: shown });
  }, answer);
}

const shownIn = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { shownNotifications: { title: string; body: string; tag: string }[] }
    ).shownNotifications.map(({ title, body, tag }) => ({ title, body, tag })),
  );

/** A notification arrives on the server: new activity now on one that was dismissed, as Productive would record. */
function arriveOnServer(id: string, { mention = false, important = false } = {}) {
  const db = new DatabaseSync(process.env.E2E_DB as string);
  const now = Date.now();
  db.prepare(
    'UPDATE notifications SET last_action_ms = ?, last_action_at = ?, dismissed = 0, read = 0, mention = ?, important = ? WHERE id = ?',
  ).run(
    now,
    new Date(now).toISOString().replace('Z', '+00:00'),
    mention ? 1 : 0,
    important ? 1 : 0,
    Number(id),
  );
  db.close();
}

/** The watch's poll for what came after the newest known (50 at a time; the list's live count asks for 1). */
const isWatchPoll = (url: string) =>
  url.includes('/api/v2/notifications?') &&
  url.includes('filter%5Bafter%5D') &&
  url.includes('page%5Bsize%5D=50');
/** The watch's first look: the newest notification there is now. */
const isWatchStart = (url: string) =>
  url.includes('/api/v2/notifications?') &&
  url.includes('filter%5Bdismissed%5D=false') &&
  !url.includes('filter%5Bafter%5D') &&
  url.endsWith('page%5Bsize%5D=1');

/** Every tab becomes visible again: the one that watches asks at once; the others do nothing. */
async function wakeAndWaitForPoll(context: BrowserContext, pages: Page[]) {
  const poll = context.waitForEvent('response', (response) => isWatchPoll(response.url()));
  for (const page of pages)
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await poll;
  // The announcement follows the answer within a task or two.
  await pages[0]?.waitForTimeout(300);
}

async function turnOn(page: Page, choice: 'All new' | 'Mentions and important') {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Off' })).toBeChecked();
  const started = page
    .context()
    .waitForEvent('response', (response) => isWatchStart(response.url()));
  await page.getByRole('radio', { name: choice }).click();
  await expect(page.getByRole('radio', { name: choice })).toBeChecked();
  await started;
}

const dismissedIds = async (page: Page) =>
  (await apiNotifications(page.request, { 'filter[dismissed]': 'true' }, 20)).ids;

test('turned on in Settings, a new notification is shown once with two tabs open, and a click opens it', async ({
  context,
}) => {
  await recordNotifications(context, 'granted');
  const first = await context.newPage();
  await first.goto('/');
  const [arriving, whileOff] = (await dismissedIds(first)) as [string, string];
  // What arrives while the setting is off is never announced.
  arriveOnServer(whileOff);
  await turnOn(first, 'All new');
  expect(await first.evaluate(() => localStorage.getItem('e2e.permission-asked'))).toBe('1');
  await expectNoViolations(first, 'the Settings page, desktop notifications on');
  await first.getByRole('link', { name: '← Inbox' }).click();
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('notification-row').first()).toBeVisible();

  arriveOnServer(arriving);
  await wakeAndWaitForPoll(context, [first, second]);
  await wakeAndWaitForPoll(context, [second, first]);
  const shown = [...(await shownIn(first)), ...(await shownIn(second))];
  expect(shown).toHaveLength(1);
  expect(shown[0]?.tag).toBe(`inbox-${arriving}`);
  const attributes = (await apiNotifications(first.request, { 'filter[dismissed]': 'false' }, 5))
    .data[0]?.attributes;
  expect(shown[0]?.title).toContain(
    (attributes?.title ?? '').replace(/<\/?b>/g, '').replace(/&amp;/g, '&'),
  );

  // Clicking it focuses the app and opens that notification beside the list.
  const showing = (await shownIn(first)).length === 1 ? first : second;
  await showing.evaluate(() =>
    (
      window as unknown as { shownNotifications: { onclick: (event: Event) => void }[] }
    ).shownNotifications[0]?.onclick(new Event('click')),
  );
  await expect(showing).toHaveURL(new RegExp(`[?&]open=${arriving}(&|$)`));
  await expect(showing.locator('[data-reading-pane-body]')).toBeVisible();
});

test('Mentions and important only, and nothing inside quiet hours', async ({ context }) => {
  await recordNotifications(context, 'granted');
  const page = await context.newPage();
  await page.goto('/');
  const [plain, mention, important, inQuiet] = (await dismissedIds(page)) as [
    string,
    string,
    string,
    string,
  ];
  await turnOn(page, 'Mentions and important');

  arriveOnServer(plain);
  arriveOnServer(mention, { mention: true });
  arriveOnServer(important, { important: true });
  await wakeAndWaitForPoll(context, [page]);
  expect((await shownIn(page)).map((shown) => shown.tag).sort()).toEqual(
    [`inbox-${mention}`, `inbox-${important}`].sort(),
  );
  expect((await shownIn(page)).find((shown) => shown.tag === `inbox-${mention}`)?.body).toMatch(
    /^Mentions you/,
  );

  // On a phone, clicking one opens that notification's own page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate((tag) => {
    const shown = (
      window as unknown as {
        shownNotifications: { tag: string; onclick: (event: Event) => void }[];
      }
    ).shownNotifications;
    shown.find((each) => each.tag === tag)?.onclick(new Event('click'));
  }, `inbox-${mention}`);
  await expect(page).toHaveURL(new RegExp(`/notifications/${mention}$`));
  // Back to Settings (a new page load: the watch starts again from the newest notification).
  const restarted = context.waitForEvent('response', (response) => isWatchStart(response.url()));
  await page.goto('/settings');
  await restarted;

  // Quiet hours around now, in UTC: a mention arriving then is not shown.
  const clock = (offsetMinutes: number) =>
    new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(11, 16);
  await page.getByRole('checkbox', { name: /No desktop notifications during these hours/ }).check();
  await page.getByLabel('Time zone').selectOption('UTC');
  await page.getByLabel('From', { exact: true }).fill(clock(-60));
  await page.getByLabel('To', { exact: true }).fill(clock(60));
  arriveOnServer(inQuiet, { mention: true });
  await wakeAndWaitForPoll(context, [page]);
  // (This page load's recorder starts empty: the two above were shown by the previous one.)
  expect(await shownIn(page)).toEqual([]);
  // Settled after a reload: the choices were kept on the device.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Mentions and important' })).toBeChecked();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(clock(-60));
});

test('a refused permission keeps them off and says how to allow them', async ({ context }) => {
  await recordNotifications(context, 'denied');
  const page = await context.newPage();
  await page.goto('/settings');
  await page.getByRole('radio', { name: 'All new' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'blocks notifications' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('set Notifications to Allow');
  await expect(page.getByRole('radio', { name: 'Off' })).toBeChecked();
  await expectNoViolations(page, 'the Settings page, permission refused');
});

test('the app is installable: a manifest with its icons, and the unread count on the app badge', async ({
  page,
  request,
}) => {
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Object.defineProperty(window, 'badgeCalls', { value: calls });
    Object.defineProperty(Navigator.prototype, 'setAppBadge', {
      value: (count?: number) => {
        calls.push(count);
        return Promise.resolve();
      },
      configurable: true,
    });
  });
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'Productive inbox',
    start_url: '/',
    display: 'standalone',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(
    manifest.icons.map((icon) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`),
  ).toEqual(['192x192', '512x512', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
  }

  await expect(page).toHaveTitle(/^\((\d+)\+?\) Inbox$/);
  const unread = Number(/^\((\d+)/.exec(await page.title())?.[1]);
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { badgeCalls: unknown[] }).badgeCalls.at(-1)),
    )
    .toBe(unread);
});
