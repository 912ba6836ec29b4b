/**
 * The inbox feature's public surface for the app and other features.
 *
 * `SnoozeMenu` is the snooze menu button (presets and a picked date and time, keyboard and screen reader ready):
 * place it anywhere and give it `onSnooze(wakeAt)`; to go through the inbox's optimistic, undoable, durable path,
 * call `triage.act(ids, 'snooze', title, { wakeAt })` from `useTriage()` there (the undo toast and `z` then work for
 * it). `openRequest`: a number that, each time it changes to a new value above 0, opens the menu (a key).
 */
export { SnoozeMenu, type SnoozeMenuProps } from './components/SnoozeMenu.tsx';
export { useTriage, type Triage, type ActOptions } from './api/use-triage.ts';

/** The inbox's views and the Snoozed view, each in a chunk of its own, for the app's routes. */
export const loadInboxPage = () =>
  import('./components/InboxPage.tsx').then((module) => module.InboxPage);
export const loadSnoozedPage = () =>
  import('./components/SnoozedPage.tsx').then((module) => module.SnoozedPage);
export { inboxLoader, snoozedLoader } from './loaders.ts';
