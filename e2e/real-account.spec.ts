import { expect, test, type Page } from '@playwright/test';
import type { Database } from '../server/db/database.ts';
import {
  REALISTIC_PEOPLE,
  startStandin,
  type Standin,
  type StandinPerson,
} from '../server/testing/productive-standin.ts';
import { readRecording } from '../server/testing/realistic.ts';
import { InboxProcess } from './support/inbox-process.ts';

// Personal mode against the stand-in answering the way the real API does (STANDIN_REALISTIC's shape: capitalised
// target_type, string ids, object changesets, activity pages without links.next, destroy, an Outlook email,
// recorded projects and people, a read-only token, 429s without Retry-After), with the server's own rate
// windows on, as on a real account.

const [ana, , iva] = REALISTIC_PEOPLE as [StandinPerson, StandinPerson, StandinPerson];
const port = Number(process.env.E2E_PORT ?? 4319) + 26;

let standin: Standin;
let personal: InboxProcess;
let readOnly: InboxProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  standin = await startStandin({ realistic: true });
  const settings = (person: StandinPerson) => ({
    PRODUCTIVE_API_TOKEN: person.token,
    PRODUCTIVE_ORGANIZATION_ID: person.organizationId,
    PRODUCTIVE_API_URL: standin.url,
    INBOX_RATE_LIMITS: 'on',
  });
  personal = new InboxProcess(port, settings(ana));
  readOnly = new InboxProcess(port + 1, settings(iva));
  await personal.start();
  await readOnly.start();
});
test.afterAll(async () => {
  await personal?.stop();
  await readOnly?.stop();
  await standin?.close();
});

const rows = (page: Page) => page.getByTestId('notification-row');
const entries = (page: Page) => page.getByTestId('activity-entry');
const database = (person: StandinPerson) => standin.databases.get(person.token) as Database;
const asked = (pattern: RegExp) =>
  standin.requests.filter((request) => pattern.test(decodeURIComponent(request.path)));

/** What the stand-in holds for Ana, asked with her token, as the real API would answer. */
async function upstream(path: string, person = ana) {
  const response = await fetch(`${standin.url}${path}`, {
    headers: { 'X-Auth-Token': person.token, 'X-Organization-Id': person.organizationId },
  });
  return (await response.json()) as {
    data: { id: string; attributes: Record<string, unknown> }[];
    meta: { total_count?: number };
  };
}

/**
 * Gives the task with the most activity at least `total` entries (copies of its own, each a minute older than the
 * last), so its feed spans several pages of 30.
 */
function lengthenFeed(db: Database, total: number) {
  const task = db
    .prepare(
      `SELECT task_id AS id, count(*) AS n FROM activities WHERE task_id IS NOT NULL
       GROUP BY task_id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: number; n: number };
  const rows = db.prepare('SELECT * FROM activities WHERE task_id = ?').all(task.id) as Record<
    string,
    string | number | null
  >[];
  const { maxId, minMs } = db
    .prepare(
      'SELECT max(id) AS maxId, (SELECT min(created_ms) FROM activities WHERE task_id = ?) AS minMs FROM activities',
    )
    .get(task.id) as { maxId: number; minMs: number };
  const columns = Object.keys(rows[0] as object);
  const insert = db.prepare(
    `INSERT INTO activities (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (let k = 1; task.n + k <= total; k++) {
    const copy = { ...(rows[k % rows.length] as Record<string, string | number | null>) };
    const ms = minMs - k * 60_000;
    copy.id = maxId + k;
    copy.created_ms = ms;
    copy.created_at = new Date(ms).toISOString().replace('Z', '+00:00');
    insert.run(...columns.map((column) => copy[column] ?? null));
  }
  return { id: task.id, n: Math.max(task.n, total) };
}

test('the inbox reads notifications in the real shape: capitalised types, string ids, object changesets', async ({
  page,
}) => {
  const inbox = await upstream('/notifications?filter[dismissed]=false&page[size]=1');
  await page.goto(`${personal.base}/`);
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${(inbox.meta.total_count ?? 0).toLocaleString('en-US')} notifications`,
  );
  await expect(page.getByText(/could not be shown/)).toHaveCount(0);
});

test('the type filter asks in the seed’s spelling and shows only that type', async ({ page }) => {
  await page.goto(`${personal.base}/`);
  await expect(rows(page).first()).toBeVisible();
  const before = standin.requests.length;
  await page.getByLabel('Type', { exact: true }).selectOption('task');
  await expect(page).toHaveURL(/\?type=task$/);
  const tasks = await upstream('/notifications?filter[dismissed]=false&filter[type]=Task');
  await expect(page.getByTestId('list-summary')).toHaveText(
    `${(tasks.meta.total_count ?? 0).toLocaleString('en-US')} notifications`,
  );
  const sent = standin.requests.slice(before).map((request) => decodeURIComponent(request.path));
  expect(sent.some((path) => path.includes('filter[type]=Task'))).toBe(true);
  for (const type of await rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-target-type')),
  )) {
    expect(type?.toLowerCase()).toBe('task');
  }
});

test('a task’s feed pages to its oldest entry although no page has links.next', async ({
  page,
}) => {
  const busiest = lengthenFeed(database(ana), 75);
  expect(busiest.n).toBeGreaterThan(60);
  const oldest = database(ana)
    .prepare('SELECT id FROM activities WHERE task_id = ? ORDER BY created_at ASC, id ASC LIMIT 1')
    .get(busiest.id) as { id: number };
  await page.goto(`${personal.base}/tasks/${busiest.id}`);
  await expect(entries(page).first()).toBeVisible();
  const last = page.locator(`[data-activity-id="${oldest.id}"]`);
  await expect
    .poll(
      async () => {
        await page.keyboard.press('End');
        await page.mouse.wheel(0, 20_000);
        return last.count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  // Oldest first, it is the first entry.
  await page.goto(`${personal.base}/tasks/${busiest.id}?order=oldest`);
  await expect(entries(page).first()).toHaveAttribute('data-activity-id', String(oldest.id));
});

test('an Outlook email (empty body, its text in body_html) shows its text and its sender', async ({
  page,
}) => {
  const email = database(ana)
    .prepare(
      `SELECT a.id AS activityId, a.task_id AS taskId, e.from_address AS sender, o.body_html AS html
       FROM activities a JOIN emails e ON e.id = a.email_id JOIN standin_email_html o ON o.id = e.id
       WHERE a.task_id IS NOT NULL AND e.body = '' LIMIT 1`,
    )
    .get() as { activityId: number; taskId: number; sender: string; html: string };
  // Its first paragraph, as body_html holds it.
  const firstWords = (/<p[^>]*>([^<]{4,})/.exec(email.html)?.[1] ?? '').trim();
  expect(firstWords.length).toBeGreaterThan(3);
  await page.goto(`${personal.base}/tasks/${email.taskId}?kind=emails`);
  const entry = page.locator(`[data-activity-id="${email.activityId}"]`);
  await expect(entry.getByTestId('email-body')).toContainText(firstWords);
  await expect(entry).toContainText(email.sender);
});

test('mentions offer active people only, from every page of filter[status]=1', async ({ page }) => {
  const taskId = (
    database(ana)
      .prepare('SELECT task_id AS id FROM activities WHERE task_id IS NOT NULL LIMIT 1')
      .get() as { id: number }
  ).id;
  const deactivated = database(ana)
    .prepare('SELECT first_name, last_name FROM people WHERE deactivated_at IS NOT NULL LIMIT 1')
    .get() as { first_name: string; last_name: string };
  const active = database(ana)
    .prepare(
      `SELECT first_name, last_name FROM people WHERE deactivated_at IS NULL AND archived_at IS NULL
       AND id > 1 LIMIT 1`,
    )
    .get() as { first_name: string; last_name: string };
  await page.goto(`${personal.base}/tasks/${taskId}`);
  await expect(entries(page).first()).toBeVisible();
  await page.keyboard.press('r');
  const list = page.getByRole('listbox', { name: 'People to mention' });
  await page.keyboard.type(`Hi @${active.first_name.slice(0, 3)}`);
  await expect(
    list.getByRole('option', { name: `${active.first_name} ${active.last_name}` }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.type(` @${deactivated.first_name.slice(0, 4)}`);
  await expect(
    page.getByRole('option', { name: `${deactivated.first_name} ${deactivated.last_name}` }),
  ).toHaveCount(0);
  expect(asked(/^\/api\/v2\/people\?.*filter\[status\]=1/).length).toBeGreaterThan(0);
});

test('the project filter lists active projects, the recorded archived ones behind Show archived', async ({
  page,
}) => {
  const recorded = readRecording('projects_get_page.json');
  const nameOf = (archived: boolean) =>
    String(
      recorded.find((project) => Boolean(project.attributes.archived_at) === archived)?.attributes
        .name,
    ).trim();
  const archived = nameOf(true);
  const activeRecorded = nameOf(false);
  await page.goto(`${personal.base}/`);
  await expect(rows(page).first()).toBeVisible();
  await page.getByText('All projects').click();
  const option = (name: string) => page.getByRole('checkbox', { name });
  await expect(option(activeRecorded)).toBeVisible();
  await expect(option(archived)).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show archived' }).check();
  await expect(option(archived)).toBeVisible();
  expect(asked(/^\/api\/v2\/projects\?.*filter\[status\]=1/).length).toBeGreaterThan(0);
});

test('a read-only token: the first refused write says so once, rolls back and turns the actions off', async ({
  page,
}) => {
  await page.goto(`${readOnly.base}/`);
  await expect(rows(page).first()).toBeVisible();
  const first = rows(page).first();
  const id = (await first.getAttribute('data-notification-id')) as string;
  await first.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(page.getByText(/this token is read-only/).first()).toBeVisible();
  await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(1);
  await expect(
    page.locator(`[data-notification-id="${id}"]`).getByRole('button', { name: /^Dismiss/ }),
  ).toBeDisabled();
  const dismissed = database(iva)
    .prepare('SELECT dismissed FROM notifications WHERE id = ?')
    .get(Number(id)) as { dismissed: number };
  expect(dismissed.dismissed).toBe(0);
});

test('a dismiss Productive throttles (429, no Retry-After) waits and still lands', async ({
  page,
}) => {
  await page.goto(`${personal.base}/`);
  await expect(rows(page).first()).toBeVisible();
  const first = rows(page).first();
  const id = (await first.getAttribute('data-notification-id')) as string;
  await fetch(standin.url.replace('/api/v2', '/__standin/throttle'), {
    method: 'POST',
    body: JSON.stringify({ count: 1 }),
  });
  await first.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(page.locator(`[data-notification-id="${id}"]`)).toHaveCount(0);
  await expect
    .poll(
      () =>
        (
          database(ana)
            .prepare('SELECT dismissed FROM notifications WHERE id = ?')
            .get(Number(id)) as { dismissed: number }
        ).dismissed,
      { timeout: 30_000 },
    )
    .toBe(1);
  const dismisses = asked(new RegExp(`^/api/v2/notifications/${id}/dismiss$`));
  expect(dismisses.length).toBeGreaterThanOrEqual(2);
  // Never rolled back: no refusal was shown.
  await expect(page.getByText(/could not|refused/i)).toHaveCount(0);
});
