import type { QueryClient } from '@tanstack/react-query';
import type { Notification } from '../../api/notifications.ts';
import { lazyPage } from '../../components/LazyPage.tsx';

/**
 * The activity feature's public surface: its pages, their loaders and the notification detail, each loaded on
 * demand (the inbox never downloads them before it renders; a page whose code cannot be downloaded says so, with
 * Retry). Other features and the app import only this module. Each `lazy` is marked pure, so a part nobody
 * renders costs the importing chunk nothing.
 */
export type { NotificationDetailProps } from './components/NotificationDetail.tsx';
/** The reply composer under a detail's feed: `focusComposer()` puts the focus there (the reading pane's `r`). */
export { COMPOSER_SELECTOR, focusComposer } from '../../lib/focus-composer.ts';

export const NotificationDetail = /* @__PURE__ */ lazyPage(
  () => import('./components/NotificationDetail.tsx').then((module) => module.NotificationDetail),
  { part: true },
);
/**
 * The pages, each in its own chunk, for the app's routes (src/app/routes.tsx): a route downloads its page's code
 * and its loader together when first visited.
 */
export const loadTaskFeedPage = () =>
  import('./components/TaskFeedPage.tsx').then((module) => module.TaskFeedPage);
export const loadDealFeedPage = () =>
  import('./components/DealFeedPage.tsx').then((module) => module.DealFeedPage);
export const loadDiscussionFeedPage = () =>
  import('./components/DiscussionFeedPage.tsx').then((module) => module.DiscussionFeedPage);
export const loadActivityPage = () =>
  import('./components/ActivityPage.tsx').then((module) => module.ActivityPage);
export const loadNotificationPage = () =>
  import('./components/NotificationPage.tsx').then((module) => module.NotificationPage);
/** The pages' loaders (src/features/activity/loaders.ts), a chunk of their own fetched beside the page's. */
export const loadActivityLoaders = () => import('./loaders.ts');

/**
 * Loads a notification's detail into the cache ahead of opening it (the next and previous in the pane). The
 * code that knows how is itself loaded on first use.
 */
export const prefetchNotificationDetail = (queryClient: QueryClient, notification: Notification) =>
  import('./api/prefetch-detail.ts').then((module) =>
    module.prefetchNotificationDetail(queryClient, notification),
  );
