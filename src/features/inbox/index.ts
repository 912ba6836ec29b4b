/** The inbox feature's public surface for the app and other features. */

import { InboxPage } from './components/InboxPage.tsx';

/**
 * The inbox's views, for the app's routes: part of the app's own first chunk (src/start.tsx's), since the app opens
 * on them and every page loaded them anyway (docs/decisions/023). The Snoozed view is in a chunk of its own.
 */
export const loadInboxPage = () => Promise.resolve(InboxPage);
export const loadSnoozedPage = () =>
  import('./components/SnoozedPage.tsx').then((module) => module.SnoozedPage);
export { inboxLoader, snoozedLoader } from './loaders.ts';
/** The reading pane's device settings (the Settings page offers after-dismiss). */
export { usePaneSettings, type AfterDismiss } from './pane/pane-settings.ts';

/**
 * Dismiss, Snooze, Previous and Next on a notification's page (its detail, or its item's feed opened from it),
 * through the list it was opened from: a chunk of its own, rendered by the app above those pages.
 */
export const loadNotificationTriageBar = () =>
  import('./components/NotificationTriageBar.tsx').then((module) => module.NotificationTriageBar);
