/**
 * npm run check-account: what this Productive account's API actually does, for the inbox. With the settings of
 * personal mode (PRODUCTIVE_API_TOKEN, PRODUCTIVE_ORGANIZATION_ID, PRODUCTIVE_API_URL), it makes a few read-only
 * requests (GET only, about 20) and prints: whose token it is and in which organization; whether writes look
 * allowed, if Productive says; how `target_type` is spelled; whether `filter[type]=Task` and `=task` both work;
 * whether activity pages carry `links.next`; whether `sort=created_at` is accepted; the rate-limit headers seen;
 * and a sample of each record type the app reads, read by the app's own fetchers and parsers (src/api).
 *
 * It never writes (anything but GET is refused before it leaves) and never prints the token (every line is
 * scrubbed of it, however encoded). Attach its output to a bug report.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { scrubText } from '../server/live/proxy.ts';
import { getActivities } from '../src/api/activities.ts';
import { getNotifications } from '../src/api/notifications.ts';
import { getPeople } from '../src/api/people.ts';
import { getProjects } from '../src/api/projects.ts';
import { getTask } from '../src/api/tasks.ts';

export interface CheckOptions {
  upstream: string;
  token: string;
  organizationId: string;
  fetch?: typeof globalThis.fetch;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

type Resource = {
  id?: unknown;
  type?: unknown;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: { id?: unknown; type?: unknown } | null }>;
};
type Document = {
  data?: Resource | Resource[];
  included?: Resource[];
  links?: Record<string, unknown>;
  meta?: Record<string, unknown>;
};

const RATE_HEADER = /rate|retry-after/i;
const list = (document: unknown): Resource[] => {
  const data = (document as Document | undefined)?.data;
  return Array.isArray(data) ? data : [];
};
const totalOf = (document: unknown) => {
  const total = (document as Document | undefined)?.meta?.total_count;
  return typeof total === 'number' ? total : null;
};
/** An error's message with its cause ("fetch failed: connect ECONNREFUSED 127.0.0.1:4180"). */
const message = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message}: ${message(error.cause)}`;
};

export async function checkAccount({
  upstream,
  token,
  organizationId,
  fetch: fetchUpstream = globalThis.fetch,
}: CheckOptions): Promise<string[]> {
  const base = upstream.replace(/\/+$/, '');
  const lines: string[] = [];
  const say = (line: string) => lines.push(scrubText(line, token));
  const rateHeaders = new Map<string, string>();
  let requests = 0;

  /** Every request this makes: a GET, with the token and (except for who-am-I) the organization. */
  const get = async (path: string, withOrganization = true): Promise<Answer> => {
    requests++;
    const response = await fetchUpstream(`${base}${path}`, {
      method: 'GET',
      headers: {
        Accept: 'application/vnd.api+json',
        'Content-Type': 'application/vnd.api+json',
        'X-Auth-Token': token,
        ...(withOrganization ? { 'X-Organization-Id': organizationId } : {}),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    });
    response.headers.forEach((value, name) => {
      if (RATE_HEADER.test(name)) rateHeaders.set(name, value);
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, headers: response.headers };
  };

  say(`Productive API: ${base}`);
  say(`Organization asked for: ${organizationId}`);

  // Who the token is: the token alone, as Productive's own clients ask.
  const who = await get('/organization_memberships?include=person,organization', false);
  if (who.status !== 200) {
    say(
      `✗ who the token is: Productive answered ${who.status}${who.status === 401 ? ' (the token is not accepted)' : ''}`,
    );
    say(`Requests made: ${requests}, all GET.`);
    return lines;
  }
  const memberships = list(who.body);
  const included = (who.body as Document).included ?? [];
  const named = (type: string, id: unknown) =>
    included.find((resource) => resource.type === type && String(resource.id) === String(id));
  const mine = memberships.find(
    (membership) => String(membership.relationships?.organization?.data?.id) === organizationId,
  );
  const organizations = memberships.map((membership) => {
    const id = membership.relationships?.organization?.data?.id;
    const name = named('organizations', id)?.attributes?.name;
    return `${typeof name === 'string' ? name.trim() : '?'} (${String(id)})`;
  });
  say(`Token's organizations: ${organizations.join(', ') || 'none'}`);
  if (!mine) {
    say(`✗ the token has no membership in organization ${organizationId}: nothing more to check`);
    say(`Requests made: ${requests}, all GET.`);
    return lines;
  }
  const person = named('people', mine.relationships?.person?.data?.id);
  const personName = [person?.attributes?.first_name, person?.attributes?.last_name]
    .filter((part) => typeof part === 'string' && part.trim())
    .map((part) => String(part).trim())
    .join(' ');
  say(
    `✓ token of ${personName || 'an unnamed person'} (person ${String(mine.relationships?.person?.data?.id)}), ` +
      `membership ${String(mine.id)}`,
  );
  // What "Open in Productive" could link with (docs/decisions/005): the organization's slug, if the API gives one.
  const organization = named('organizations', mine.relationships?.organization?.data?.id);
  const slug = organization?.attributes?.slug;
  say(
    typeof slug === 'string' && slug
      ? `Organization slug: ${slug.slice(0, 60)}`
      : 'Organization slug: not given (Open in Productive leads to the home page)',
  );
  const accessHints = Object.entries(mine.attributes ?? {}).filter(([name]) =>
    /read_only|readonly|access|permission|scope/i.test(name),
  );
  say(
    accessHints.length
      ? `Writes: Productive says ${accessHints.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}`
      : 'Writes: Productive does not say whether this token may write (a read-only token shows itself at its first refused action)',
  );

  // Notifications: how target_type is spelled, and the two spellings of filter[type].
  const inbox = await get('/notifications?filter[dismissed]=false&include=actor&page[size]=50');
  if (inbox.status === 200) {
    const spellings = new Map<string, number>();
    for (const notification of list(inbox.body)) {
      const type = notification.attributes?.target_type;
      const key = typeof type === 'string' ? type : `(${typeof type})`;
      spellings.set(key, (spellings.get(key) ?? 0) + 1);
    }
    say(
      `target_type as sent: ${[...spellings].map(([type, count]) => `${type} ×${count}`).join(', ') || 'no notifications in the inbox'}`,
    );
    /** The JSON types a field comes as across the page: `string`, `string (or null)`, `absent`. */
    const typeOf = (name: string) => {
      const kinds = new Set<string>();
      let nulls = false;
      for (const notification of list(inbox.body)) {
        const value = notification.attributes?.[name];
        if (value === null) nulls = true;
        else
          kinds.add(value === undefined ? 'absent' : Array.isArray(value) ? 'array' : typeof value);
      }
      const shown = [...kinds].sort().join(' or ') || 'always null';
      return nulls && kinds.size ? `${shown} (or null)` : shown;
    };
    say(
      `first_unread_activity_id is ${typeOf('first_unread_activity_id')}, changeset is ${typeOf('changeset')}, target_id is ${typeOf('target_id')}`,
    );
  } else {
    say(`✗ notifications: Productive answered ${inbox.status}`);
  }
  const capitalised = await get('/notifications?filter[type]=Task&page[size]=1');
  const lower = await get('/notifications?filter[type]=task&page[size]=1');
  const describe = (answer: Answer) =>
    answer.status === 200
      ? `${totalOf(answer.body) ?? '?'} notifications`
      : `refused (${answer.status})`;
  const both = capitalised.status === 200 && lower.status === 200;
  say(
    `filter[type]=Task: ${describe(capitalised)}; filter[type]=task: ${describe(lower)}` +
      (both && totalOf(capitalised.body) === totalOf(lower.body)
        ? ' (both work alike)'
        : ' (they differ: the app sends Task)'),
  );

  // Activities: links.next, and oldest first.
  const activities = await get(
    '/activities?include=creator,comment,email,attachment&page[size]=30',
  );
  if (activities.status === 200) {
    const document = activities.body as Document;
    const count = list(document).length;
    say(
      `Activities: a page of ${count}; links: ${Object.keys(document.links ?? {}).join(', ') || 'none'}; ` +
        `links.next ${typeof document.links?.next === 'string' ? 'present' : 'absent'}` +
        `${count === 30 && typeof document.links?.next !== 'string' ? ' although the page is full (the app pages on until a short page)' : ''}; ` +
        `meta: ${Object.keys(document.meta ?? {}).join(', ') || 'none'}`,
    );
    const events = new Set(list(document).map((activity) => String(activity.attributes?.event)));
    say(`Activity events seen: ${[...events].sort().join(', ') || 'none'}`);
  } else {
    say(`✗ activities: Productive answered ${activities.status}`);
  }
  const oldest = await get('/activities?sort=created_at&page[size]=5');
  if (oldest.status === 200) {
    const times = list(oldest.body).map((activity) => String(activity.attributes?.created_at));
    const ascending = times.every(
      (time, index) => index === 0 || (times[index - 1] as string) <= time,
    );
    say(
      `sort=created_at: accepted, ${times.length < 2 ? 'too few activities to tell the order' : ascending ? 'oldest first' : 'but not oldest first (ignored)'}`,
    );
  } else {
    say(`sort=created_at: refused (${oldest.status}); the app reads newest first and reverses`);
  }

  // A sample of each record type, through the app's own fetchers and parsers, GET only.
  const appFetch: typeof globalThis.fetch = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') throw new Error(`check-account never writes (${method} refused)`);
    const url = new URL(String(input), 'http://app.invalid');
    const answer = await get(`${url.pathname.replace(/^\/api\/v2/, '')}${url.search}`);
    return new Response(JSON.stringify(answer.body ?? null), {
      status: answer.status,
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
  };
  const original = globalThis.fetch;
  globalThis.fetch = appFetch;
  try {
    const sample = async (name: string, read: () => Promise<string>) => {
      try {
        say(`✓ ${name}: ${await read()}`);
      } catch (error) {
        say(`✗ ${name}: the app could not read them: ${message(error)}`);
      }
    };
    // A task to read a feed of, from the raw inbox: the samples do not depend on each other.
    const taskTarget = list(inbox.body).find(
      (n) => String(n.attributes?.target_type).toLowerCase() === 'task',
    )?.attributes?.target_id;
    const taskId = /^\d{1,18}$/.test(String(taskTarget)) ? Number(taskTarget) : null;
    await sample('notifications', async () => {
      const page = await getNotifications({ dismissed: false }, 1);
      const skipped = page.skipped ?? 0;
      if (skipped) throw new Error(`${skipped} of ${page.notifications.length + skipped} skipped`);
      return `${page.notifications.length} read by the app's parser`;
    });
    await sample('activities', async () => {
      const target = taskId ? { kind: 'task' as const, id: taskId } : null;
      if (!target) return 'no task notification to read a feed of';
      const page = await getActivities({ target }, 1);
      const skipped = page.skipped ?? 0;
      if (skipped) throw new Error(`${skipped} of ${page.activities.length + skipped} skipped`);
      const emails = page.activities.filter((activity) => activity.email);
      const blank = emails.filter((activity) => !activity.email?.body.trim()).length;
      return `${page.activities.length} of task ${target.id} read, ${emails.length} emails${blank ? `, ${blank} with no body the app can show` : ''}`;
    });
    await sample('task', async () => {
      if (!taskId) return 'no task notification to read';
      const task = await getTask(String(taskId));
      return `#${task.number || '?'} read (project ${task.projectName ? 'named' : 'not named'}, status ${task.statusName ? 'named' : 'not named'})`;
    });
    await sample('projects', async () => `${(await getProjects()).length} read`);
    await sample('people', async () => `${(await getPeople()).length} read for mentions`);
  } finally {
    globalThis.fetch = original;
  }

  say(
    `Rate-limit headers seen: ${[...rateHeaders].map(([name, value]) => `${name}: ${value}`).join(', ') || 'none'}`,
  );
  say(`Requests made: ${requests}, all GET.`);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const token = process.env.PRODUCTIVE_API_TOKEN?.trim() ?? '';
  const organizationId = process.env.PRODUCTIVE_ORGANIZATION_ID?.trim() ?? '';
  const upstream = process.env.PRODUCTIVE_API_URL?.trim() || 'https://api.productive.io/api/v2';
  if (!token || !/^\d{1,18}$/.test(organizationId)) {
    console.error(
      'Set PRODUCTIVE_API_TOKEN and PRODUCTIVE_ORGANIZATION_ID (a number), as for personal mode, and optionally PRODUCTIVE_API_URL.',
    );
    process.exit(2);
  }
  // What a bug report needs beside the findings: which version asked, when, and where.
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  console.log(
    `check-account: productive-inbox ${version}, Node ${process.version}, ${new Date().toISOString()}, ${upstream}`,
  );
  try {
    const lines = await checkAccount({ upstream, token, organizationId });
    for (const line of lines) console.log(line);
    // A check that failed (✗) fails the command, so a script or a person sees it at once.
    if (lines.some((line) => line.startsWith('✗'))) process.exitCode = 1;
  } catch (error) {
    console.error(
      scrubText(`check-account stopped: ${message(error)} (asking ${upstream})`, token),
    );
    process.exit(1);
  }
}
