import type { InboxAction } from '../model/inbox-actions.ts';
import { notificationQueries } from './notification-queries.ts';

/** An inbox action's kind in the outbox (queued-actions.ts). */
export const ACTION_KIND = 'inbox-action';

/** Every read, dismiss, restore and snooze action's mutation key (use-notification-action.ts). */
export const notificationActionKey = [...notificationQueries.all(), 'action'] as const;

export interface NotificationActionVariables {
  ids: string[];
  action: InboxAction;
  /** A snooze's wake time (ISO with its offset). */
  wakeAt?: string;
  /**
   * Its outbox entry, when it has one already (adopted from a tab that is gone); otherwise the mutation writes one
   * before anything else happens.
   */
  queueKey?: string;
  /** False: send a read at once, without waiting out the undo window (an action adopted after a reload). */
  hold?: boolean;
}
