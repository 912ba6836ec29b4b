import type { QueryClient } from '@tanstack/react-query';
import type { Notification } from '../../api/notifications.ts';
import { lazyPage } from '../../components/LazyPage.tsx';

/**
 * The activity feature's public surface: its pages and the notification detail, each loaded on demand (the
 * inbox never downloads them before it renders; a page whose code cannot be downloaded says so, with Retry). Other features and the app import only this module. Each
 * `lazy` is marked pure, so a page nobody routes to costs the importing chunk nothing.
 */
export type { NotificationDetailProps } from './components/NotificationDetail.tsx';
/**
 * The reply composer under a detail's feed is `textarea[data-composer]`; `focusComposer()` puts the focus there
 * (the reading pane's `r`) and says whether there was one. Written out here rather than re-exported: a module
 * shared by the inbox's entry and the lazy feed chunks makes the bundler split the entry (over its budget).
 */
export const COMPOSER_SELECTOR = 'textarea[data-composer]';
export function focusComposer(root: ParentNode = document): boolean {
  const composer = root.querySelector<HTMLTextAreaElement>(COMPOSER_SELECTOR);
  if (!composer) return false;
  // Where it is already on screen (the foot of the pane or the page): focusing it never scrolls the list.
  composer.focus({ preventScroll: true });
  composer.setSelectionRange(composer.value.length, composer.value.length);
  return true;
}

export const NotificationDetail = /* @__PURE__ */ lazyPage(
  () => import('./components/NotificationDetail.tsx').then((module) => module.NotificationDetail),
  { part: true },
);
export const TaskFeedPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/TaskFeedPage.tsx').then((module) => module.TaskFeedPage),
);
export const DealFeedPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/DealFeedPage.tsx').then((module) => module.DealFeedPage),
);
export const DiscussionFeedPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/DiscussionFeedPage.tsx').then((module) => module.DiscussionFeedPage),
);
export const ActivityPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/ActivityPage.tsx').then((module) => module.ActivityPage),
);
export const NotificationPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/NotificationPage.tsx').then((module) => module.NotificationPage),
);

/**
 * Loads a notification's detail into the cache ahead of opening it (the next and previous in the pane). The
 * code that knows how is itself loaded on first use.
 */
export const prefetchNotificationDetail = (queryClient: QueryClient, notification: Notification) =>
  import('./api/prefetch-detail.ts').then((module) =>
    module.prefetchNotificationDetail(queryClient, notification),
  );
