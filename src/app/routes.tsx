import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import {
  createBrowserRouter,
  useLocation,
  useRouteError,
  type RouteObject,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { lazyPage } from '../components/LazyPage.tsx';
import { PageActionsContext } from '../components/PageActions.tsx';
import {
  loadActivityLoaders,
  loadActivityPage,
  loadDealFeedPage,
  loadDiscussionFeedPage,
  loadNotificationPage,
  loadTaskFeedPage,
} from '../features/activity/index.ts';
import {
  inboxLoader,
  loadInboxPage,
  loadNotificationTriageBar,
  loadSnoozedPage,
  snoozedLoader,
} from '../features/inbox/index.ts';
import type { ViewName } from '../features/inbox/model/filters.ts';
import { loadSettingsPage } from '../features/settings/index.ts';
import { GROUP_PARAM, OPEN_PARAM, ROUTES, SEARCH_PARAM } from '../lib/addresses.ts';

/**
 * The app's routes (react-router's data router, docs/decisions/008): every page is a `lazy` route whose loader
 * starts the page's queries (with the same `queryOptions` its components use) while its code downloads. Loaders
 * never wait for the answers: a navigation waits only for the page's code, and the page shows its own loading and
 * errors. The frame (account line, offline banner) is the root route, around every page.
 */

/**
 * A page's code as a lazy route's `Component`. If it cannot be downloaded (offline, a new deploy), the route gets
 * a page that says so with a Retry that downloads it again (components/LazyPage.tsx), never the router's raw error.
 */
const page =
  <P extends object>(load: () => Promise<ComponentType<P>>, props?: P) =>
  async (): Promise<ComponentType> => {
    const Page = await load().catch(() => lazyPage(load));
    return function RoutePage() {
      return <Page {...(props ?? ({} as P))} />;
    };
  };

/**
 * A page a notification opens (its detail, its item's feed), with the inbox's Dismiss, Snooze, Previous and Next
 * on it (a bar held at the top of the screen, after the page's own way back: components/PageActions.tsx); the bar shows only where the page was opened from a notification. Without the bar's code (offline, a
 * new deploy), the page alone.
 */
const notificationPage =
  (load: () => Promise<ComponentType>) => async (): Promise<ComponentType> => {
    const [Page, Bar] = await Promise.all([
      page(load)(),
      loadNotificationTriageBar().catch(() => null),
    ]);
    return function NotificationRoutePage() {
      return (
        <PageActionsContext value={Bar ? <Bar /> : null}>
          <Page />
        </PageActionsContext>
      );
    };
  };

/** Shown while a route's code is downloaded the first time the app starts on it. */
function PageLoading() {
  return (
    <main aria-busy="true" className="px-4 py-16 text-center text-slate-600 dark:text-slate-400">
      Loading…
    </main>
  );
}

/**
 * What an inbox view's loader does not depend on: the reading pane (j, k), and what the page works out from the
 * replica on the device (read state, search, grouping: issue 19, a filter change paints within a frame).
 */
const NOT_LOADED = [OPEN_PARAM, SEARCH_PARAM, GROUP_PARAM, 'read'];

/** An inbox view's loader runs again when the filters it asks the list for change, never for the others. */
export function inboxShouldRevalidate({ currentUrl, nextUrl }: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname !== nextUrl.pathname) return true;
  const loaded = (url: URL) => {
    const search = new URLSearchParams(url.search);
    for (const name of NOT_LOADED) search.delete(name);
    search.sort();
    return search.toString();
  };
  return loaded(currentUrl) !== loaded(nextUrl);
}

const sameAddress = ({ currentUrl, nextUrl }: ShouldRevalidateFunctionArgs) =>
  currentUrl.pathname !== nextUrl.pathname || currentUrl.search !== nextUrl.search;

const INBOX_VIEWS: [ViewName, string][] = [
  ['inbox', ROUTES.inbox],
  ['important', ROUTES.important],
  ['mentions', ROUTES.mentions],
  ['dismissed', ROUTES.dismissed],
];

/** Every page of the app, for a router of any kind (the browser's; a memory router in tests). */
export function pageRoutes(queryClient: QueryClient): RouteObject[] {
  const feed = (
    path: string,
    kind: 'task' | 'deal' | 'discussion',
    load: () => Promise<ComponentType>,
  ): RouteObject => ({
    path,
    HydrateFallback: PageLoading,
    shouldRevalidate: sameAddress,
    lazy: {
      loader: async () => (await loadActivityLoaders()).feedLoader(queryClient, kind),
      Component: notificationPage(load),
    },
  });
  return [
    ...INBOX_VIEWS.map(([view, path]): RouteObject => ({
      path,
      loader: inboxLoader(queryClient, view),
      shouldRevalidate: inboxShouldRevalidate,
      HydrateFallback: PageLoading,
      lazy: { Component: page(loadInboxPage, { view }) },
    })),
    {
      path: ROUTES.snoozed,
      loader: snoozedLoader(queryClient),
      shouldRevalidate: sameAddress,
      HydrateFallback: PageLoading,
      lazy: { Component: page(loadSnoozedPage) },
    },
    feed(ROUTES.task, 'task', loadTaskFeedPage),
    feed(ROUTES.deal, 'deal', loadDealFeedPage),
    feed(ROUTES.discussion, 'discussion', loadDiscussionFeedPage),
    {
      path: ROUTES.activity,
      HydrateFallback: PageLoading,
      shouldRevalidate: sameAddress,
      lazy: {
        loader: async () => (await loadActivityLoaders()).activityLoader(queryClient),
        Component: page(loadActivityPage),
      },
    },
    {
      path: ROUTES.notification,
      HydrateFallback: PageLoading,
      shouldRevalidate: sameAddress,
      lazy: {
        loader: async () => (await loadActivityLoaders()).notificationLoader(queryClient),
        Component: notificationPage(loadNotificationPage),
      },
    },
    {
      path: ROUTES.settings,
      HydrateFallback: PageLoading,
      lazy: { Component: page(loadSettingsPage) },
    },
    {
      path: '*',
      HydrateFallback: PageLoading,
      lazy: {
        Component: page(() =>
          import('../components/NotFoundPage.tsx').then((module) => module.NotFoundPage),
        ),
      },
    },
  ];
}

function Rethrow({ error }: { error: unknown }): never {
  throw error instanceof Error ? error : new Error(String(error));
}

/** A failure the router caught (outside any page's own boundary) shown as the app's error page. */
function RouteError() {
  const error: unknown = useRouteError();
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Rethrow error={error} />
    </ErrorBoundary>
  );
}

/** The browser's router: `Frame` (with an `<Outlet />`) around every page. */
export function createAppRouter(queryClient: QueryClient, Frame: ComponentType) {
  return createBrowserRouter([
    { Component: Frame, ErrorBoundary: RouteError, children: pageRoutes(queryClient) },
  ]);
}
