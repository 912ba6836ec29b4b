import { seededRandom } from './support/random.ts';
import { expect, test } from '@playwright/test';

const BAD_VALUES = [
  '',
  '-1',
  '0',
  '1.5',
  '1e9',
  '99999999999999999999999',
  'NaN',
  'abc',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1--",
  '1; DROP TABLE notifications',
  '%',
  '%E0%A4%A',
  '%00',
  '%0d%0aSet-Cookie:x=1',
  '__proto__',
  'constructor',
  '[]',
  '{"a":1}',
  'ünïcødé 🚀',
  '\u202e\u200b',
  'x'.repeat(3000),
  '2026-02-30',
  '1999-12-31',
  '2026-1-1',
  'javascript:alert(1)',
];

/** Parameters each route understands, with values it accepts. */
const VALID: Record<string, Record<string, readonly string[]>> = {
  inbox: {
    project: ['1', '2', '3,4'],
    type: ['task', 'todo', 'deal,page'],
    importance: ['important', 'normal'],
    read: ['unread', 'read'],
    after: ['2026-01-01'],
    before: ['2026-12-31'],
  },
  feed: {
    kind: ['comments', 'changes', 'emails', 'comments,emails'],
    event: ['create', 'update', 'edit', 'copy', 'delete'],
    person: ['1', '2'],
    order: ['oldest', 'newest'],
  },
  activity: {},
};

interface Case {
  url: string;
  route: 'inbox' | 'feed' | 'activity' | 'missing';
  /** Whether some parameter must be named as ignored. */
  noticed: boolean;
}

function generateCases(count: number, taskId: number, activityId: number): Case[] {
  const r = seededRandom(20_261_123);
  const pages: [string, Case['route']][] = [
    ['/', 'inbox'],
    ['/important', 'inbox'],
    ['/mentions', 'inbox'],
    ['/dismissed', 'inbox'],
    [`/tasks/${taskId}`, 'feed'],
    [`/activities/${activityId}`, 'activity'],
  ];
  const badPaths = [
    '/tasks/abc',
    '/tasks/-1',
    '/tasks/1e9',
    '/tasks/99999999999999999999',
    '/tasks/%E0%A4%A',
    '/tasks/1/extra',
    '/activities/%00',
    '/activities/x',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/ünïcødé',
    '/%3Cscript%3Ealert(1)%3C/script%3E',
    `/${'a'.repeat(2000)}`,
    '/dismissed/extra',
    '/tasks/',
    '/;jsessionid=1',
  ];
  const cases: Case[] = badPaths.map((path) => ({ url: path, route: 'missing', noticed: false }));
  while (cases.length < count) {
    const [path, route] = r.pick(pages);
    const valid = VALID[route] ?? {};
    const names = Object.keys(valid);
    const params: string[] = [];
    let noticed = false;
    const used = new Set<string>();
    for (let i = 0, n = Math.floor(r.next() * 4); i < n; i++) {
      const roll = r.next();
      const name = names.length && roll < 0.5 ? r.pick(names) : '';
      if (name && !used.has(name) && r.next() < 0.5) {
        used.add(name);
        params.push(`${name}=${encodeURIComponent(r.pick(valid[name] ?? []))}`);
        // The Important view has its own importance: a valid importance there is named as not applied.
        if (path === '/important' && name === 'importance') noticed = true;
      } else if (name) {
        params.push(`${name}=${encodeURIComponent(r.pick(BAD_VALUES))}`);
        noticed = true;
      } else if (roll > 0.9) {
        // Empty pieces carry no parameter: nothing to notice.
        params.push('&&');
      } else {
        // An unknown parameter, or raw malformed query text. (`q` is the search now: any text is a search.)
        params.push(
          r.next() < 0.5
            ? `${r.pick(['x', 'page', 'filter[project_id]', '__proto__', '%', ''])}=${encodeURIComponent(r.pick(BAD_VALUES))}`
            : r.pick(['%', '%zz=1', '=x', 'a==b', 'x=%F0%9F', '?']),
        );
        noticed = true;
      }
    }
    const query = params.join('&');
    cases.push({ url: query ? `${path}?${query}` : path, route, noticed });
  }
  return cases;
}

test('200 random and malformed addresses on every route: a page, a notice for what was ignored, no crash', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const tasks = await request.get('/api/v2/notifications?filter[type]=task&page[size]=1');
  const taskId = ((await tasks.json()) as { data: { attributes: { target_id: number } }[] }).data[0]
    ?.attributes.target_id as number;
  const activities = await request.get('/api/v2/activities?page[size]=1');
  const activityId = Number(((await activities.json()) as { data: { id: string }[] }).data[0]?.id);

  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });

  const cases = generateCases(200, taskId, activityId);
  expect(cases).toHaveLength(200);
  for (const { url, route, noticed } of cases) {
    await page.goto(url);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading, url).toBeVisible();
    if (route === 'missing')
      await expect(heading, url).toHaveText(/not found|This (task|activity) was not found/i);
    else {
      await expect(page.getByText('Something went wrong'), url).toHaveCount(0);
      const notice = page.getByText(/^Ignored invalid filters?:/);
      if (noticed) await expect(notice, url).toBeVisible();
      else await expect(notice, url).toHaveCount(0);
    }
    expect(problems, url).toEqual([]);
  }
});
