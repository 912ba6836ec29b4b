/** The inbox feature's public surface for the app and other features. */

/** The inbox's views and the Snoozed view, each in a chunk of its own, for the app's routes. */
export const loadInboxPage = () =>
  import('./components/InboxPage.tsx').then((module) => module.InboxPage);
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
