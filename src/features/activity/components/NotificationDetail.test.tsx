// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../api/notifications.ts';
import { apiMock, resolveRelativeFetch } from '../../../testing/api-mock.ts';
import { aNotification } from '../../../testing/notification-factory.ts';
import { renderApp } from '../../../testing/render.tsx';
import { OrganizationContext } from '../../../lib/organization.ts';
import { NotificationDetail } from './NotificationDetail.tsx';

const json = (body: unknown, status = 200) =>
  HttpResponse.json(body as object, {
    status,
    headers: { 'Content-Type': 'application/vnd.api+json' },
  });

const activity = (id: number, attributes: Record<string, unknown>) => ({
  id: String(id),
  type: 'activities',
  attributes: {
    event: 'update',
    changeset: [],
    item_id: 1,
    item_type: 'task',
    item_name: '',
    parent_type: null,
    parent_name: null,
    task_id: null,
    created_at: `2026-11-${String(120 - id).padStart(2, '0')}T12:00:00.000+00:00`,
    ...attributes,
  },
  relationships: { creator: { data: { type: 'people', id: '2' } } },
});
const people = [
  { id: '2', type: 'people', attributes: { first_name: 'Marko', last_name: 'Horvat' } },
];

/** What the stand-in API was asked for activities, by filter. */
let activityRequests: string[] = [];

const feeds: Record<string, ReturnType<typeof activity>[]> = {
  'task_id=77': [
    activity(101, {
      item_type: 'todo',
      item_id: 8,
      item_name: 'Buy milk',
      parent_type: 'task',
      parent_name: '#3: Groceries',
      task_id: 77,
      changeset: [{ closed: [false, true] }],
    }),
    activity(102, {
      item_type: 'todo',
      item_id: 9,
      item_name: 'Buy bread',
      parent_type: 'task',
      parent_name: '#3: Groceries',
      task_id: 77,
    }),
    activity(103, {
      item_type: 'task',
      item_id: 77,
      item_name: '#3: Groceries',
      parent_type: 'project',
      parent_name: 'Home',
      task_id: 77,
    }),
  ],
  'deal_id=4': [
    activity(104, {
      item_type: 'deal',
      item_id: 4,
      item_name: 'Retainer – Acme',
      parent_type: 'company',
      parent_name: 'Acme',
      root_type: 'company',
      root_name: 'Acme',
      deal_id: 4,
      changeset: [{ probability: [40, 70] }],
    }),
    activity(105, {
      event: 'create',
      item_type: 'deal',
      item_id: 4,
      item_name: 'Retainer – Acme',
      parent_type: 'company',
      parent_name: 'Acme',
      deal_id: 4,
    }),
  ],
  'discussion_id=9': [
    activity(106, {
      event: 'create',
      item_type: 'comment',
      item_id: 0,
      item_name: 'Question about specs',
      parent_type: 'discussion',
      parent_name: 'Question about specs',
      root_type: 'project',
      root_name: '[Acme] Website',
      discussion_id: 9,
    }),
  ],
  'deal_id=999': [],
};
/** Feeds the stand-in answers with a server error. */
const failing = new Set(['deal_id=500']);

const detailHandlers = [
  http.get('*/api/v2/activities', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const filter = [...params].find(([name]) => /^filter\[(task|deal|discussion)_id\]$/.test(name));
    const key = filter ? `${filter[0].slice(7, -1)}=${filter[1]}` : '';
    activityRequests.push(key);
    if (failing.has(key))
      return json({ errors: [{ status: '500', title: 'Server Error', detail: 'Boom' }] }, 500);
    const data = feeds[key];
    if (!data) return undefined; // the shared stand-in answers for the other tasks
    return json({ data, included: people, links: { first: request.url }, meta: {} });
  }),
  http.get('*/api/v2/activities/:id', ({ params }) => {
    const found = Object.values(feeds)
      .flat()
      .find((item) => item.id === params.id);
    return found ? json({ data: found, meta: {} }) : undefined;
  }),
  http.get('*/api/v2/notifications/:id', ({ params }) =>
    params.id === '404'
      ? json({ errors: [{ status: '404', title: 'Record Not Found', detail: 'Not found' }] }, 404)
      : json({
          data: {
            id: String(params.id),
            type: 'notifications',
            attributes: {
              target_id: 31,
              target_type: 'invoice',
              target_title: 'Invoice 2026-031',
              parent_id: 5,
              parent_type: 'company',
              parent_title: 'Acme',
              title: 'updated invoice <b>Invoice 2026-031</b> <img src=x onerror=alert(1)>',
              read: false,
              dismissed: false,
              new_activities_count: 1,
              excerpt: '',
              last_action_at: '2026-11-20T10:00:00.000+00:00',
              first_unread_activity_id: null,
              changeset: [
                { amount: [100, 250] },
                { status: [{ value: 'Draft' }, { value: 'Sent' }] },
              ],
              important: false,
              mention: false,
              target_label: 'invoice',
            },
            relationships: { actor: { meta: { included: false } } },
          },
          meta: {},
        }),
  ),
];

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
  Element.prototype.scrollIntoView = () => {};
});
beforeEach(() => {
  activityRequests = [];
  apiMock.use(...detailHandlers);
});
afterEach(() => apiMock.resetHandlers());
afterAll(() => apiMock.close());

function renderDetail(notification: Notification, organization: { id: string } | null = null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <OrganizationContext value={organization}>
        <MemoryRouter>
          <NotificationDetail notificationId={notification.id} notification={notification} />
        </MemoryRouter>
      </OrganizationContext>
    </QueryClientProvider>,
  );
}

const entries = () => screen.queryAllByTestId('activity-entry');
const openInProductive = () => screen.getByRole('link', { name: /^Open (in )?Productive/ });

describe('a notification’s detail', () => {
  it('opens the task itself in Productive where the organization is known, and promises no more where not', async () => {
    const task = aNotification({ targetId: 12, targetTitle: '#12: Fix the login' });
    const { unmount } = renderDetail(task, { id: '4242' });
    const deep = screen.getByRole('link', { name: /^Open in Productive/ });
    expect(deep.getAttribute('href')).toBe('https://app.productive.io/4242/tasks/12');
    unmount();
    // Demo mode (no organization in Productive): the home page, and the words say only that.
    renderDetail(task);
    const home = screen.getByRole('link', { name: /^Open Productive/ });
    expect(home.getAttribute('href')).toBe('https://app.productive.io/');
    await waitFor(() => expect(entries().length).toBeGreaterThan(0));
  });

  it('shows a task’s feed with New markers from the first unread activity, and a link to Productive', async () => {
    renderDetail(
      aNotification({ targetId: 12, targetTitle: '#12: Fix the login', firstUnreadActivityId: 2 }),
    );
    expect(screen.getByRole('heading', { level: 2, name: '#12: Fix the login' })).toBeTruthy();
    await waitFor(() => expect(entries()).toHaveLength(3));
    await waitFor(() =>
      expect(entries().map((entry) => entry.dataset.new)).toEqual(['true', 'true', 'false']),
    );
    const link = openInProductive();
    expect(link.getAttribute('href')).toBe('https://app.productive.io/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows a todo on its task’s feed, marking the todo’s own activities', async () => {
    renderDetail(
      aNotification({
        targetType: 'todo',
        targetLabel: 'todo',
        targetId: 8,
        targetTitle: 'Buy milk',
        parentType: 'task',
        parentId: 77,
        parentTitle: '#3: Groceries',
        firstUnreadActivityId: null,
      }),
    );
    expect(screen.getByText('on #3: Groceries')).toBeTruthy();
    await waitFor(() => expect(entries()).toHaveLength(3));
    expect(activityRequests).toContain('task_id=77');
    expect(entries().map((entry) => entry.dataset.marked ?? 'false')).toEqual([
      'true',
      'false',
      'false',
    ]);
    expect(within(entries()[0] as HTMLElement).getByText('This todo')).toBeTruthy();
  });

  it('shows a deal’s own feed (filter[deal_id]) under a header naming the deal and its company', async () => {
    renderDetail(
      aNotification({
        targetType: 'deal',
        targetLabel: 'deal',
        targetId: 4,
        targetTitle: 'Retainer – Acme',
        parentType: 'company',
        parentId: 2,
        parentTitle: 'Acme',
        firstUnreadActivityId: 104,
      }),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Retainer – Acme' })).toBeTruthy();
    expect(screen.getByText('in Acme')).toBeTruthy();
    await waitFor(() => expect(entries()).toHaveLength(2));
    expect(activityRequests).toContain('deal_id=4');
    expect(activityRequests.some((key) => key.startsWith('task_id'))).toBe(false);
    expect(screen.getByText('Probability:')).toBeTruthy();
  });

  it('shows a discussion’s own feed (filter[discussion_id])', async () => {
    renderDetail(
      aNotification({
        targetType: 'discussion',
        targetLabel: 'discussion',
        targetId: 9,
        targetTitle: 'Question about specs',
        parentType: 'page',
        parentId: 9,
        parentTitle: 'Specs',
      }),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Question about specs' })).toBeTruthy();
    expect(screen.getByText('in Specs')).toBeTruthy();
    await waitFor(() => expect(entries()).toHaveLength(1));
    expect(activityRequests).toEqual(expect.arrayContaining(['discussion_id=9']));
  });

  it('shows a page as a card (the API cannot filter activities by page), asking for no activity', async () => {
    renderDetail(
      aNotification({
        targetType: 'page',
        targetLabel: 'page',
        targetId: 3,
        targetTitle: 'Onboarding guide',
        parentType: 'project',
        parentTitle: '[Acme] Website',
        title: 'updated page <b>Onboarding guide</b>',
        excerpt: 'Added the checklist',
        changeset: [{ field: 'body', from: { value: 'v1' }, to: { value: 'v2' } }],
      }),
    );
    const card = screen.getByTestId('notification-card');
    expect(within(card).getByText('Added the checklist')).toBeTruthy();
    expect(within(card).getByText('Content:')).toBeTruthy();
    expect(within(card).getByText(/cannot list a page’s activity/)).toBeTruthy();
    expect(screen.queryByRole('search', { name: 'Filter activity' })).toBeNull();
    expect(activityRequests).toEqual([]);
  });

  it('shows any other type, an unknown one too, as a card with the safe title, parent and changeset', async () => {
    const { container } = renderApp('/notifications/31');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Invoice 2026-031' }, { timeout: 5000 }),
    ).toBeTruthy();
    const card = screen.getByTestId('notification-card');
    expect(screen.getByText('in Acme')).toBeTruthy();
    expect(within(card).getByText('Amount:')).toBeTruthy();
    expect(within(card).getByText('250')).toBeTruthy();
    expect(within(card).getByText('Sent')).toBeTruthy();
    // Bold survives as text styling; the image tag stays literal text.
    expect(screen.getByText('Invoice 2026-031', { selector: 'span.font-semibold' })).toBeTruthy();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(openInProductive().getAttribute('href')).toBe('https://app.productive.io/');
    expect(activityRequests).toEqual([]);

    renderDetail(aNotification({ targetType: 'gizmo', targetLabel: '', targetTitle: 'A gizmo' }));
    expect(screen.getByRole('heading', { level: 2, name: 'A gizmo' })).toBeTruthy();
    expect(screen.getByText('Gizmo')).toBeTruthy();
  });

  it('says when a notification asked for by address is not there', async () => {
    renderApp('/notifications/404');
    expect(
      await screen.findByRole(
        'heading',
        { name: 'This notification was not found' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
  });
});

describe('deal and discussion pages', () => {
  it('show the deal’s feed under its name and company', async () => {
    renderApp('/deals/4');
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).textContent).toBe(
      'Deal: Retainer – Acme',
    );
    expect(screen.getByText('in Acme', { selector: 'header span' })).toBeTruthy();
    await waitFor(() => expect(entries()).toHaveLength(2));
    // The header and the unfiltered feed share one request.
    expect(activityRequests.filter((key) => key === 'deal_id=4')).toHaveLength(1);
  });

  it('show a discussion under its topic and project', async () => {
    renderApp('/discussions/9');
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).textContent).toBe(
      'Discussion: Question about specs',
    );
    expect(screen.getByText('in [Acme] Website', { selector: 'header span' })).toBeTruthy();
  });

  it('say a deal with no activity at all, or a malformed id, is not found', async () => {
    renderApp('/deals/999');
    expect(
      await screen.findByRole('heading', { name: 'This deal was not found' }, { timeout: 5000 }),
    ).toBeTruthy();
    renderApp('/discussions/abc');
    expect(
      await screen.findByRole('heading', { name: 'This discussion was not found' }),
    ).toBeTruthy();
  });

  it('say when a deal’s activity cannot be loaded, with a retry', async () => {
    renderApp('/deals/500');
    expect(
      await screen.findByText('Could not load the activity', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.getByText(/Could not load the deal: Boom/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Retry|Try again/ })).toBeTruthy();
  });
});
