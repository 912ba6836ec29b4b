import { lazyPage } from '../../components/LazyPage.tsx';

/**
 * The inbox feature's public surface for the app and other features: the Snoozed page, and the notification query
 * keys and options (this feature owns every `['notifications', …]` key: a notification's detail is built there too).
 */
export { notificationQueries } from './api/notification-queries.ts';

/** The Snoozed view, in its own chunk: the inbox does not download it before it renders. */
export const SnoozedPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/SnoozedPage.tsx').then((module) => module.SnoozedPage),
);
