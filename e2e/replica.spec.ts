import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { OwnServer } from './support/own-server.ts';

// The inbox's replica on the device (src/replica/, docs/decisions/016-replica.md), against a server of its own
// with the demo's 2,000 notifications: true counts without scrolling, "unread only" over everything, reads and
// dismisses made elsewhere picked up by the (shortened) reconciliation, and one sync leader for two tabs.
const server = new OwnServer(Number(process.env.E2E_PORT ?? 4319) + 28);
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

const SYNC = { pollMs: 1000, reconcileMs: 2500 };
async function shortenSync(context: BrowserContext) {
  await context.addInitScript((settings) => {
    localStorage.setItem('inbox-settings.sync', JSON.stringify(settings));
  }, SYNC);
}

interface Item {
  id: string;
  attributes: {
    read: boolean;
    important: boolean;
    mention: boolean;
    dismissed: boolean;
    target_title: string;
  };
}

/** The server's truth: every notification of the Inbox (not dismissed), all pages. */
async function inboxTruth(): Promise<Item[]> {
  const all: Item[] = [];
  for (let number = 1; ; number++) {
    const page = await server.get<{ data: Item[]; links: { next?: string } }>(
      `/notifications?filter[dismissed]=false&page[size]=200&page[number]=${number}`,
    );
    all.push(...page.data);
    if (!page.links.next) return all;
  }
}

const unreadOf = (items: Item[]) => items.filter((item) => !item.attributes.read);
/** The unread count beside a view's link in the sidebar (it describes the link). */
const sidebarCount = (page: Page, view: string) =>
  page.locator(`[data-view="${view}"]`).getByTestId('unread-count');

async function patch(id: string, action: 'read' | 'dismiss') {
  const response = await fetch(`${server.base}/api/v2/notifications/${id}/${action}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/vnd.api+json', Origin: server.base },
  });
  expect(response.ok).toBe(true);
}

test('the title and the sidebar give the true unread counts without scrolling', async ({
  page,
  context,
}) => {
  await shortenSync(context);
  const inbox = await inboxTruth();
  expect(inbox.length).toBeGreaterThan(1000);
  const unread = unreadOf(inbox);
  const important = unread.filter((item) => item.attributes.important).length;
  const mentions = unread.filter((item) => item.attributes.mention).length;
  expect(unread.length).toBeGreaterThan(200);

  await page.goto(`${server.base}/`);
  await expect(page).toHaveTitle(`(${unread.length}) Inbox`, { timeout: 30_000 });
  await expect(sidebarCount(page, 'inbox')).toHaveText(`${unread.length} unread`);
  await expect(sidebarCount(page, 'important')).toHaveText(`${important} unread`);
  await expect(sidebarCount(page, 'mentions')).toHaveText(`${mentions} unread`);
  await expect(
    page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Inbox', exact: true }),
  ).toHaveAccessibleDescription(`${unread.length} unread`);
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${inbox.length.toLocaleString('en-US')} notifications`,
  );
});

test('"unread only" lists every unread notification of the inbox', async ({ page, context }) => {
  await shortenSync(context);
  const unread = unreadOf(await inboxTruth());
  await page.goto(`${server.base}/?read=unread`);
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${unread.length.toLocaleString('en-US')} unread notifications`,
    { timeout: 30_000 },
  );
  const first = page.getByTestId('notification-row').first();
  await expect(first).toHaveAttribute('aria-setsize', String(unread.length));
  // The last of them is listed too: the oldest unread one, at the end of the list.
  await page.keyboard.press('End');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const oldest = unread[unread.length - 1] as Item;
  await expect(page.locator(`[data-notification-id="${oldest.id}"]`)).toBeVisible();
});

test('a read and a dismiss made elsewhere show up after the reconciliation interval', async ({
  page,
  context,
}) => {
  await shortenSync(context);
  await page.goto(`${server.base}/`);
  const unread = unreadOf(await inboxTruth());
  await expect(page).toHaveTitle(`(${unread.length}) Inbox`, { timeout: 30_000 });
  const [toRead, toDismiss] = unread as [Item, Item];
  const dismissedRow = page.locator(`[data-notification-id="${toDismiss.id}"]`);
  // Made directly through the API, as Productive's own app would.
  await patch(toRead.id, 'read');
  await patch(toDismiss.id, 'dismiss');
  await expect(page).toHaveTitle(`(${unread.length - 2}) Inbox`, { timeout: 15_000 });
  await expect(dismissedRow).toHaveCount(0);
});

test('two tabs, one sync leader: only one of them asks the server', async ({ context }) => {
  await shortenSync(context);
  const asked = new Map<Page, number>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/v2/notifications') return;
    const from = request.frame().page();
    asked.set(from, (asked.get(from) ?? 0) + 1);
  });
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`${server.base}/`);
  await second.goto(`${server.base}/`);
  const unread = unreadOf(await inboxTruth()).length;
  await expect(first).toHaveTitle(`(${unread}) Inbox`, { timeout: 30_000 });
  await expect(second).toHaveTitle(`(${unread}) Inbox`, { timeout: 30_000 });
  // Several poll intervals and a reconciliation: one tab asks, the other hears.
  asked.clear();
  await first.waitForTimeout(SYNC.reconcileMs + 2 * SYNC.pollMs);
  const counts = [asked.get(first) ?? 0, asked.get(second) ?? 0].sort((a, b) => a - b);
  expect(counts[0]).toBe(0);
  expect(counts[1]).toBeGreaterThan(2);

  // What one tab does, the other shows, with no request of its own.
  await patch(unreadOf(await inboxTruth())[0]?.id as string, 'read');
  await expect(first).toHaveTitle(`(${unread - 1}) Inbox`, { timeout: 15_000 });
  await expect(second).toHaveTitle(`(${unread - 1}) Inbox`, { timeout: 15_000 });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('search finds one never on screen, highlighted, and still does after a reload with the server stopped', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await shortenSync(context);
    // The app's shell comes from its service worker offline.
    await page.goto(`${server.base}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const unread = unreadOf(await inboxTruth());
    await expect(page).toHaveTitle(`(${unread.length}) Inbox`, { timeout: 30_000 });
    // The oldest notification of the inbox whose target's title is its own: far below the first screen.
    const inbox = await inboxTruth();
    const titles = new Map<string, number>();
    for (const item of inbox)
      titles.set(item.attributes.target_title, (titles.get(item.attributes.target_title) ?? 0) + 1);
    const target = inbox.findLast((item) => titles.get(item.attributes.target_title) === 1) as Item;
    expect(inbox.indexOf(target)).toBeGreaterThan(500);
    await expect(page.locator(`[data-notification-id="${target.id}"]`)).toHaveCount(0);
    // Its target's title, typed in another case: `/` goes to the search box.
    const words = target.attributes.target_title.toUpperCase();
    await page.locator('body').click();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search notifications' })).toBeFocused();
    await page.keyboard.type(words);
    const row = page.locator(`[data-notification-id="${target.id}"]`);
    await expect(row).toBeVisible();
    // The address follows once typing pauses: all of the words, before the reload reads them.
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === words);
    await expect(row.locator('mark').first()).toBeVisible();

    // Offline: the replica is on the device.
    await server.stop();
    try {
      await page.reload();
      await expect(page.locator(`[data-notification-id="${target.id}"]`)).toBeVisible({
        timeout: 15_000,
      });
      await expect(page.getByRole('searchbox', { name: 'Search notifications' })).toHaveValue(
        words,
      );
    } finally {
      await server.start();
    }
  });
});

test('group=project shows each project with its count', async ({ page, context }) => {
  await shortenSync(context);
  const projects = await server.get<{ data: { id: string; attributes: { name: string } }[] }>(
    '/projects?page[size]=200',
  );
  await page.goto(`${server.base}/?group=project`);
  await expect(page.getByTestId('list-summary')).toHaveText(/^[\d,]+ notifications$/, {
    timeout: 30_000,
  });
  const headers = page.getByTestId('group-header');
  await expect(headers.first()).toBeVisible();
  // Every header shown names a project and counts what the server lists for it.
  const shown = await headers.evaluateAll((elements) =>
    elements.map((element) => ({
      group: element.getAttribute('data-group') ?? '',
      count: Number(element.querySelector('[data-testid="group-count"]')?.textContent ?? ''),
    })),
  );
  const projectGroups = shown.filter(
    (header) => header.group.startsWith('project:') && header.group !== 'project:none',
  );
  expect(projectGroups.length).toBeGreaterThan(0);
  for (const header of projectGroups.slice(0, 3)) {
    const id = header.group.slice('project:'.length);
    expect(projects.data.some((project) => project.id === id)).toBe(true);
    // Filtered by that project, the view counts the same.
    await page.goto(`${server.base}/?project=${id}&group=project`);
    await expect(page.getByTestId('group-count').first()).toHaveText(String(header.count));
    const truth = await server.get<{ meta: { total_count: number } }>(
      `/notifications?filter[dismissed]=false&filter[project_id]=${id}&page[size]=1`,
    );
    await expect(page.getByTestId('list-summary')).toHaveText(
      `${truth.meta.total_count} notification${truth.meta.total_count === 1 ? '' : 's'}`,
    );
  }
  // A group folds, and its "Mark all read" is the bulk action of its rows.
  await page.goto(`${server.base}/?group=project`);
  const first = headers.first();
  await first.getByRole('button', { expanded: true }).click();
  await expect(first.getByRole('button', { expanded: false })).toBeVisible();
});
