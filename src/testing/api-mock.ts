import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';

/** A small in-memory stand-in of the API for component tests (e2e tests use the real server). */
export interface MockNotification {
  id: number;
  title: string;
  target_type: string;
  target_id: number;
  parent_type: string;
  parent_id: number;
  parent_title: string;
  read: boolean;
  dismissed: boolean;
  important: boolean;
  mention: boolean;
  project_id: number;
  last_action_at: string;
}

export const mockState = {
  notifications: [] as MockNotification[],
  /** Every PATCH answers with this status while set. */
  failPatchWith: null as number | null,
  patchDelayMs: 0,
  malformedList: false,
  /** Activity records the app cannot read, added to every activities list. */
  unreadableActivities: 0,
  /** The `filter[status]` of every projects request. */
  projectRequests: [] as (string | null)[],
  /** Records the app cannot read, added to every first page of notifications. */
  unreadableRecords: 0,
  /** Lists leave out `meta.total_count`, as an API that does not count would. */
  listsWithoutTotal: false,
  /** The inbox server's snoozes (`/api/inbox/snoozes`), and every snooze request made, as "METHOD id[/action]". */
  snoozes: [] as MockSnooze[],
  snoozeRequests: [] as string[],
};

export interface MockSnooze {
  id: string;
  state: 'scheduled' | 'woken' | 'cancelled';
  wakeAt: string;
  snoozedAt: string;
  wokenAt: string | null;
  newActivityCount: number;
}

export function resetMockState(notifications: MockNotification[]) {
  mockState.notifications = notifications.map((notification) => ({ ...notification }));
  mockState.failPatchWith = null;
  mockState.patchDelayMs = 0;
  mockState.malformedList = false;
  mockState.unreadableRecords = 0;
  mockState.projectRequests = [];
  mockState.unreadableActivities = 0;
  mockState.listsWithoutTotal = false;
  mockState.snoozes = [];
  mockState.snoozeRequests = [];
}

export function mockNotification(
  id: number,
  overrides: Partial<MockNotification> = {},
): MockNotification {
  return {
    id,
    title: `commented on task <b>Task ${id}</b> on <b>Project 1</b>`,
    target_type: 'task',
    target_id: id,
    parent_type: 'project',
    parent_id: 1,
    parent_title: 'Project 1',
    read: false,
    dismissed: false,
    important: false,
    mention: false,
    project_id: 1,
    last_action_at: new Date(Date.UTC(2026, 10, 20) - id * 3_600_000).toISOString(),
    ...overrides,
  };
}

const resource = (notification: MockNotification) => ({
  id: String(notification.id),
  type: 'notifications',
  attributes: {
    target_id: notification.target_id,
    target_type: notification.target_type,
    target_title: `Task ${notification.id}`,
    parent_id: notification.parent_id,
    parent_type: notification.parent_type,
    parent_title: notification.parent_title,
    title: notification.title,
    read: notification.read,
    dismissed: notification.dismissed,
    new_activities_count: 1,
    excerpt: '',
    last_action_at: notification.last_action_at,
    first_unread_activity_id: null,
    changeset: [],
    important: notification.important,
    mention: notification.mention,
    target_label: notification.target_type,
  },
  relationships: { actor: { meta: { included: false } } },
});

const json = (body: JsonBodyType, status = 200) =>
  HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/vnd.api+json' } });

export const handlers = [
  http.get('*/api/v2/notifications', ({ request }) => {
    // Not JSON:API at all: the list fails (a record it cannot read is only skipped, see unreadableRecords).
    if (mockState.malformedList) return json({ data: 'nonsense' });
    const params = new URL(request.url).searchParams;
    const flag = (name: string) => params.get(`filter[${name}]`);
    let list = mockState.notifications;
    for (const name of ['dismissed', 'important', 'mention'] as const) {
      const value = flag(name);
      if (value !== null)
        list = list.filter((notification) => String(notification[name]) === value);
    }
    const types = flag('type')?.split(',');
    if (types)
      list = list.filter((notification) =>
        types.some((type) => type.toLowerCase() === notification.target_type.toLowerCase()),
      );
    const after = flag('after');
    if (after)
      list = list.filter(
        (notification) => Date.parse(notification.last_action_at) > Date.parse(after),
      );
    const projects = flag('project_id')?.split(',').map(Number);
    if (projects) list = list.filter((notification) => projects.includes(notification.project_id));
    const size = Number(params.get('page[size]') ?? 30);
    const page = Number(params.get('page[number]') ?? 1);
    const data: unknown[] = list.slice((page - 1) * size, page * size).map(resource);
    if (page === 1)
      for (let index = 0; index < mockState.unreadableRecords; index++)
        data.push({ id: `bad-${index}`, type: 'notifications', attributes: { target_id: {} } });
    const links: Record<string, string> = { first: request.url };
    if (page * size < list.length) links.next = `${request.url}&next`;
    const meta = mockState.listsWithoutTotal
      ? { current_page: page }
      : { total_count: list.length, current_page: page };
    return json({ data, links, meta });
  }),
  http.patch('*/api/v2/notifications/:id/:action', async ({ params }) => {
    if (mockState.patchDelayMs) await delay(mockState.patchDelayMs);
    if (mockState.failPatchWith) {
      return json(
        {
          errors: [
            {
              status: String(mockState.failPatchWith),
              title: 'Server Error',
              detail: 'The server broke',
            },
          ],
        },
        mockState.failPatchWith,
      );
    }
    const notification = mockState.notifications.find((item) => item.id === Number(params.id));
    if (!notification)
      return json(
        { errors: [{ status: '404', title: 'Record Not Found', detail: 'Not found' }] },
        404,
      );
    if (params.action === 'read') notification.read = true;
    if (params.action === 'dismiss') notification.dismissed = true;
    if (params.action === 'undismiss') notification.dismissed = false;
    return json({ data: resource(notification), meta: {} });
  }),
  http.get('*/api/v2/tasks/:id', ({ params }) =>
    params.id === '404'
      ? json(
          {
            errors: [
              {
                status: '404',
                title: 'Record Not Found',
                detail: 'The requested record was not found',
              },
            ],
          },
          404,
        )
      : json({
          data: {
            id: String(params.id),
            type: 'tasks',
            attributes: {
              title: 'Fix the login',
              task_number: '12',
              closed: false,
              due_date: null,
            },
            relationships: {},
          },
          meta: {},
        }),
  ),
  http.get('*/api/v2/activities', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const kinds = params.get('filter[type]')?.split(',');
    const data: unknown[] = mockActivities
      .filter((activity) => !kinds || kinds.includes(String(activity.kind)))
      .map(({ kind: _, ...resource }) => resource);
    for (let index = 0; index < mockState.unreadableActivities; index++)
      data.push({ id: `bad-${index}`, type: 'activities', attributes: { created_at: {} } });
    return json({ data, included: mockIncluded, links: { first: request.url }, meta: {} });
  }),
  http.get('*/api/v2/activities/:id', ({ params }) => {
    const found = mockActivities.find((activity) => activity.id === params.id);
    if (!found)
      return json(
        { errors: [{ status: '404', title: 'Record Not Found', detail: 'Not found' }] },
        404,
      );
    const { kind: _, ...resource } = found;
    return json({ data: resource, meta: {} });
  }),
  // Projects 1 and 2 are active, 3 archived; `filter[status]` 1 or 2 picks them as Productive does.
  http.get('*/api/v2/projects', ({ request }) => {
    const status = new URL(request.url).searchParams.get('filter[status]');
    mockState.projectRequests.push(status);
    return json({
      data: [
        { id: 1, name: 'Project 1', archived_at: null },
        { id: 2, name: 'Project 2', archived_at: null },
        { id: 3, name: 'Old project', archived_at: '2025-01-01T10:00:00.000+01:00' },
      ]
        .filter((project) => !status || (status === '2') === (project.archived_at !== null))
        .map(({ id, ...attributes }) => ({
          id: String(id),
          type: 'projects',
          attributes,
          relationships: {},
        })),
      links: { first: '' },
      meta: {},
    });
  }),
];

const activity = (
  id: number,
  kind: number,
  createdAt: string,
  attributes: Record<string, unknown>,
  relationships: Record<string, unknown> = {},
) => ({
  id: String(id),
  type: 'activities',
  kind,
  attributes: {
    event: 'update',
    changeset: [],
    item_type: 'task',
    item_name: '#12: Fix the login',
    parent_type: 'project',
    parent_name: 'Project 1',
    task_id: 12,
    created_at: createdAt,
    ...attributes,
  },
  relationships: { creator: { data: { type: 'people', id: '2' } }, ...relationships },
});

/** Newest first, as the API sends them. */
export const mockActivities = [
  activity(
    3,
    1,
    '2026-11-20T12:00:00.000+00:00',
    {
      event: 'create',
      item_type: 'comment',
      parent_type: 'task',
      parent_name: '#12: Fix the login',
    },
    { comment: { data: { type: 'comments', id: '9' } } },
  ),
  activity(2, 2, '2026-11-19T12:00:00.000+00:00', {
    changeset: [
      {
        workflow_status: [
          { value: 'Open', id: 1 },
          { value: 'Closed', id: 4 },
        ],
      },
      { due_date: [null, '2026-12-12'] },
    ],
  }),
  activity(1, 2, '2026-11-18T12:00:00.000+00:00', {
    event: 'archive',
    changeset: [
      {
        assignee: [
          { value: 'Ana', id: 1 },
          { value: 'Marko', id: 2 },
        ],
      },
    ],
  }),
];

const mockIncluded = [
  { id: '2', type: 'people', attributes: { first_name: 'Marko', last_name: 'Horvat' } },
  {
    id: '9',
    type: 'comments',
    attributes: {
      body: '<p>@[Person:1:Ana Kovač] see <a href="javascript:alert(1)">this</a><img src=x onerror=alert(1)></p>',
    },
  },
];

const findMock = (id: unknown) =>
  mockState.notifications.find((item) => String(item.id) === String(id));
const snoozeOf = (id: string) => mockState.snoozes.find((snooze) => snooze.id === id);

/** The inbox server's snooze endpoints, as server/inbox/routes.ts answers them (no clock: nothing wakes alone). */
export const snoozeHandlers = [
  http.get('*/api/v2/notifications/:id', ({ params }) => {
    const notification = findMock(params.id);
    return notification
      ? json({ data: resource(notification), meta: {} })
      : json({ errors: [{ status: '404', title: 'Record Not Found', detail: 'Not found' }] }, 404);
  }),
  http.get('*/api/inbox/snoozes', () =>
    HttpResponse.json({ data: mockState.snoozes.filter((snooze) => snooze.state !== 'cancelled') }),
  ),
  http.put('*/api/inbox/snoozes/:id', async ({ params, request }) => {
    const id = String(params.id);
    const { wakeAt } = (await request.json()) as { wakeAt: string };
    mockState.snoozeRequests.push(`PUT ${id} ${wakeAt}`);
    const notification = findMock(id);
    if (notification) notification.dismissed = true;
    const snooze: MockSnooze = {
      id,
      state: 'scheduled',
      wakeAt: new Date(wakeAt).toISOString(),
      snoozedAt: new Date().toISOString(),
      wokenAt: null,
      newActivityCount: 0,
    };
    mockState.snoozes = [...mockState.snoozes.filter((item) => item.id !== id), snooze];
    return HttpResponse.json({ data: snooze });
  }),
  http.delete('*/api/inbox/snoozes/:id', ({ params }) => {
    const id = String(params.id);
    mockState.snoozeRequests.push(`DELETE ${id}`);
    const notification = findMock(id);
    if (notification) notification.dismissed = false;
    const snooze = snoozeOf(id);
    if (snooze) snooze.state = 'cancelled';
    return HttpResponse.json({ data: snooze });
  }),
  http.post('*/api/inbox/snoozes/:id/:action', ({ params }) => {
    const id = String(params.id);
    mockState.snoozeRequests.push(`POST ${id}/${String(params.action)}`);
    const snooze = snoozeOf(id);
    if (params.action === 'acknowledge') {
      mockState.snoozes = mockState.snoozes.filter((item) => item.id !== id);
      return new HttpResponse(null, { status: 204 });
    }
    const notification = findMock(id);
    if (notification) notification.dismissed = false;
    if (snooze) Object.assign(snooze, { state: 'woken', wokenAt: new Date().toISOString() });
    return HttpResponse.json({ data: snooze });
  }),
];

/** The inbox server's saved views and mutes: none (their own tests run against the real server). */
export const preferenceHandlers = [
  http.get('*/api/inbox/views', () => HttpResponse.json({ data: [] })),
  http.get('*/api/inbox/mutes', () => HttpResponse.json({ data: [] })),
];

export const apiMock = setupServer(...handlers, ...snoozeHandlers, ...preferenceHandlers);

/** Node's fetch needs absolute URLs; the app uses relative ones, as a browser would. Call after listen(). */
export function resolveRelativeFetch() {
  const fetchWithInterception = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    fetchWithInterception(
      typeof input === 'string' && input.startsWith('/')
        ? new URL(input, window.location.origin)
        : input,
      init,
    );
}
