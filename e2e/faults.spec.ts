import { expect, test, type Page, type Route } from '@playwright/test';
import { apiNotification, apiNotifications, screenIds, screenMatches } from './support/api.ts';

type Fault = '500' | '503' | '429' | 'abort' | 'hang';
const FAULTS: Fault[] = ['500', '503', '429', 'abort', 'hang'];

const errorBody = (status: number, title: string) =>
  JSON.stringify({ errors: [{ status: String(status), title, detail: `${title} (injected)` }] });

/**
 * Answers each notification's first request with its fault, once `release` is called (so that every click is
 * seen to change the screen before any answer comes back); every later request reaches the server.
 */
async function injectFaults(page: Page, action: string, faults: Map<string, Fault>) {
  const hits = new Map<string, number>();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v2/notifications/*/${action}`, async (route: Route) => {
    const id = new URL(route.request().url()).pathname.split('/').at(-2) as string;
    const hit = (hits.get(id) ?? 0) + 1;
    hits.set(id, hit);
    const fault = faults.get(id);
    if (!fault || hit > 1) return route.continue();
    await released;
    const json = { contentType: 'application/vnd.api+json' };
    switch (fault) {
      case '500':
        return route.fulfill({ ...json, status: 500, body: errorBody(500, 'Server Error') });
      case '503':
        return route.fulfill({ ...json, status: 503, body: errorBody(503, 'Unavailable') });
      case '429':
        return route.fulfill({
          ...json,
          status: 429,
          headers: { 'Retry-After': '1' },
          body: errorBody(429, 'Too Many Requests'),
        });
      case 'abort':
        return route.abort('connectionreset');
      case 'hang':
        return; // Never answered: the app's request timeout has to give up on it.
    }
  });
  return { hits, release };
}

interface ActionCase {
  action: 'read' | 'dismiss' | 'undismiss';
  path: string;
  button: string;
  verb: string;
  listFilters: Record<string, string>;
  /** The server attribute the action sets, and the value it sets. */
  done: (attributes: { read: boolean; dismissed: boolean }) => boolean;
  /** The row leaves the view once the action applies. */
  leaves: boolean;
}

const CASES: ActionCase[] = [
  {
    action: 'read',
    path: '/',
    button: 'Mark as read',
    verb: 'mark as read',
    listFilters: { 'filter[dismissed]': 'false' },
    done: (attributes) => attributes.read,
    leaves: false,
  },
  {
    action: 'dismiss',
    path: '/',
    button: 'Dismiss',
    verb: 'dismiss',
    listFilters: { 'filter[dismissed]': 'false' },
    done: (attributes) => attributes.dismissed,
    leaves: true,
  },
  {
    action: 'undismiss',
    path: '/dismissed',
    button: 'Restore',
    verb: 'restore',
    listFilters: { 'filter[dismissed]': 'true' },
    done: (attributes) => !attributes.dismissed,
    leaves: true,
  },
];

for (const spec of CASES) {
  test(`${spec.verb}: 500 and 503 roll back with a Retry that works; 429, abort and a hung request are retried; then screen = server`, async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    await page.goto(spec.path);
    const row = (id: string) => page.locator(`[data-notification-id="${id}"]`);
    await expect(page.getByTestId('notification-row').first()).toBeVisible();
    const onScreen = await screenIds(page);
    const { data } = await apiNotifications(request, spec.listFilters);
    const candidates = data
      .filter((item) => onScreen.includes(item.id) && !spec.done(item.attributes))
      .map((item) => item.id);
    const targets = candidates.slice(0, FAULTS.length);
    expect(targets).toHaveLength(FAULTS.length);
    const faults = new Map(targets.map((id, index) => [id, FAULTS[index] as Fault]));
    const { hits, release } = await injectFaults(page, spec.action, faults);

    for (const id of targets) {
      await row(id)
        .getByRole('button', { name: new RegExp(`^${spec.button}:`) })
        .click();
      // The screen changes at once, whatever the server will say.
      if (spec.leaves) await expect(row(id)).toHaveCount(0);
      else await expect(row(id)).toHaveAttribute('data-read', 'true');
    }

    release();

    // 500 and 503: rolled back, and the user is told in one toast (one at a time), with one Retry for both.
    const [failed500, failed503] = targets as [string, string];
    const alerts = page.getByRole('alert');
    await expect(alerts.getByText(new RegExp(`Could not ${spec.verb} 2 notifications`)))
      .toHaveCount(1, { timeout: 20_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\nrequests per id: ${JSON.stringify([...hits])}`);
      });
    for (const id of [failed500, failed503]) {
      if (spec.leaves) await expect(row(id)).toHaveCount(1);
      else await expect(row(id)).toHaveAttribute('data-read', 'false');
      expect(spec.done(await apiNotification(request, id))).toBe(false);
    }
    await expect(alerts).toContainText('Server Error (injected)');
    await expect(alerts).toContainText('Unavailable (injected)');
    await expect(page.getByTestId('toast')).toHaveCount(1);
    await alerts.getByRole('button', { name: 'Retry' }).click();

    // Every action reaches the server in the end: the 429 after its Retry-After, the aborted and the hung
    // requests on their automatic retries, the two failures through Retry.
    for (const id of targets)
      await expect
        .poll(async () => spec.done(await apiNotification(request, id)), {
          message: `${faults.get(id)} fault on ${id}`,
          timeout: 45_000,
        })
        .toBe(true);
    expect(Math.min(...[...hits.values()])).toBeGreaterThanOrEqual(2);

    // After recovery the screen equals the server: the same rows, in order, with the same read state.
    await expect
      .poll(
        async () => screenMatches(page, (await apiNotifications(request, spec.listFilters)).ids),
        {
          timeout: 15_000,
        },
      )
      .toBe('match');
    for (const id of targets) {
      if (spec.leaves) await expect(row(id)).toHaveCount(0);
      else await expect(row(id)).toHaveAttribute('data-read', 'true');
    }
    await expect(page.getByText('Waiting to sync')).toHaveCount(0);
  });
}
