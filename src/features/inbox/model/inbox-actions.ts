import type { NotificationAction } from '../../../api/notifications.ts';

/**
 * Everything the inbox does to notifications through its one optimistic, undoable, durable path: the API's
 * actions (read, dismiss, restore) and the inbox server's snooze actions (snooze, its undo, wake now).
 */
type SnoozeAction = 'snooze' | 'unsnooze' | 'wake';
export type InboxAction = NotificationAction | SnoozeAction;

export const INBOX_ACTIONS: readonly InboxAction[] = [
  'read',
  'dismiss',
  'undismiss',
  'snooze',
  'unsnooze',
  'wake',
];

export const isSnoozeAction = (action: string): action is SnoozeAction =>
  action === 'snooze' || action === 'unsnooze' || action === 'wake';
