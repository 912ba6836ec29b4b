// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  createBrowserRouter,
  createMemoryRouter,
  createRoutesFromElements,
  Link,
  Route,
  useLocation,
} from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationQueries } from '../features/inbox/api/notification-queries.ts';
import { snoozeQueries } from '../features/inbox/api/snooze-queries.ts';
import { parseFilters, toNotificationQuery } from '../features/inbox/model/filters.ts';
import {
  apiMock,
  mockNotification,
  resetMockState,
  resolveRelativeFetch,
} from '../testing/api-mock.ts';
import { renderApp } from '../testing/render.tsx';
import { inboxShouldRevalidate, pageRoutes } from './routes.tsx';

beforeAll(() => {
  apiMock.listen({ onUnhandledFrame: 'error' });
  resolveRelativeFetch();
});
afterAll(() => apiMock.close());
beforeEach(() => resetMockState([mockNotification(1), mockNotification(2, { read: true })]));

function Where() {
  const location = useLocation();
  return (
    <output data-testid="where">
      {`${location.pathname}${location.search}|${JSON.stringify(location.state)}`}
    </output>
  );
}

describe('the app’s routes', () => {
  it('an inbox view’s loader asks for its first rows before the page’s code has arrived', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter(pageRoutes(queryClient), {
      initialEntries: ['/important?type=task'],
    });
    // The page's code is still on its way (a lazy route), its list request already is too.
    expect(router.state.initialized).toBe(false);
    const query = toNotificationQuery(
      'important',
      parseFilters(new URLSearchParams('type=task')).filters,
    );
    expect(queryClient.getQueryState(notificationQueries.list(query).queryKey)?.fetchStatus).toBe(
      'fetching',
    );
    expect(queryClient.getQueryState(snoozeQueries.list().queryKey)?.fetchStatus).toBe('fetching');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    router.dispose();
  });

  it('the page then reads the loader’s answer: one list request, rows shown', async () => {
    const seen: string[] = [];
    const listen = ({ request }: { request: Request }) => {
      // List requests only: the live count's check for new ones (filter[after]) may run on a slow machine.
      const url = decodeURIComponent(request.url);
      if (url.includes('/notifications?') && !url.includes('filter[after]')) seen.push(url);
    };
    apiMock.events.on('request:start', listen);
    try {
      renderApp('/');
      await waitFor(() => expect(screen.getAllByTestId('notification-row')).toHaveLength(2));
      expect(seen, seen.join('\n')).toHaveLength(1);
    } finally {
      apiMock.events.removeListener('request:start', listen);
    }
  });

  it('a feed page’s loader (its own chunk) starts the feed’s request', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter(pageRoutes(queryClient), {
      initialEntries: ['/tasks/12'],
    });
    await waitFor(() =>
      expect(
        queryClient.getQueryCache().findAll({ queryKey: ['tasks', 'detail', '12'] }),
      ).toHaveLength(1),
    );
    router.dispose();
  });

  it('an inbox view’s loader runs again for new filters, not when the reading pane moves', () => {
    const args = (from: string, to: string) =>
      ({
        currentUrl: new URL(from, 'http://app'),
        nextUrl: new URL(to, 'http://app'),
      }) as Parameters<typeof inboxShouldRevalidate>[0];
    expect(inboxShouldRevalidate(args('/?type=task&open=1', '/?type=task&open=2'))).toBe(false);
    expect(inboxShouldRevalidate(args('/?type=task', '/?type=task&open=2'))).toBe(false);
    expect(inboxShouldRevalidate(args('/?type=task', '/?type=todo'))).toBe(true);
    // Read state, search and grouping are the page's own work over the replica: the loader has nothing to add.
    expect(inboxShouldRevalidate(args('/?type=task', '/?type=task&read=unread&q=a'))).toBe(false);
    expect(inboxShouldRevalidate(args('/?q=a&type=task', '/?type=task&group=project'))).toBe(false);
    expect(inboxShouldRevalidate(args('/?read=unread', '/?read=unread&project=4'))).toBe(true);
    expect(inboxShouldRevalidate(args('/', '/important'))).toBe(true);
  });
});

describe('react-router, as the app uses it', () => {
  it('an external link stays external: its address as written, the click left to the browser', () => {
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <>
            <Link to="https://app.productive.io/1-acme/tasks/42">In Productive</Link>
            <Where />
          </>
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    const link = screen.getByRole('link', { name: 'In Productive' });
    expect(link.getAttribute('href')).toBe('https://app.productive.io/1-acme/tasks/42');
    let prevented: boolean | null = null;
    const spy = (event: Event) => {
      prevented = event.defaultPrevented;
      event.preventDefault(); // jsdom cannot navigate away
    };
    document.addEventListener('click', spy);
    fireEvent.click(link);
    document.removeEventListener('click', spy);
    expect(prevented).toBe(false);
    expect(router.state.location.pathname).toBe('/');
    router.dispose();
  });

  it('routes inside a Fragment are routes like any other', async () => {
    const router = createMemoryRouter(
      createRoutesFromElements(
        <>
          <Route path="/" element={<h1>Inbox</h1>} />
          <>
            <Route path="/tasks/:taskId" element={<h1>A task</h1>} />
          </>
        </>,
      ),
      { initialEntries: ['/tasks/7'] },
    );
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'A task' })).toBeTruthy();
    router.dispose();
  });

  it('history: a navigation pushes an entry with its state, a replace does not, back and forward restore both', async () => {
    window.history.replaceState(null, '', '/');
    const router = createBrowserRouter([
      { path: '/', element: <Where /> },
      { path: '/tasks/:taskId', element: <Where /> },
    ]);
    render(<RouterProvider router={router} />);
    const where = () => screen.getByTestId('where').textContent;
    const length = window.history.length;
    await act(() => router.navigate('/tasks/1', { state: { from: '/?type=task', opened: '9' } }));
    expect(where()).toBe('/tasks/1|{"from":"/?type=task","opened":"9"}');
    expect(window.history.length).toBe(length + 1);
    await act(() => router.navigate('/tasks/2', { replace: true }));
    expect(window.history.length).toBe(length + 1);
    expect(where()).toBe('/tasks/2|null');
    act(() => window.history.back());
    await waitFor(() => expect(where()).toBe('/|null'));
    act(() => window.history.forward());
    await waitFor(() => expect(where()).toBe('/tasks/2|null'));
    router.dispose();
  });
});
