import { inboxActionSender } from '../features/inbox/api/action-sender.ts';
import { startOutbox, type OutboxContext, type SenderSource } from '../outbox/replay.ts';

/**
 * What the outbox sends for the features: inbox actions (read, dismiss, restore, snooze), and replies, whose code
 * is downloaded only when one is to be sent. This module itself is imported once the cache is restored (App.tsx):
 * replaying what pages that are gone left waits for nothing the first rows need.
 */
const senders: readonly SenderSource[] = [
  inboxActionSender,
  {
    kind: 'inbox-bulk',
    load: () =>
      import('../features/inbox/bulk/bulk-actions.ts').then((module) => module.bulkSender),
  },
  {
    kind: 'reply',
    load: () => import('../features/activity/api/replies.ts').then((module) => module.replySender),
  },
];

/** Starts sending this scope's outbox from this page; returns the function that stops it. */
export const startAppOutbox = (context: OutboxContext) => startOutbox(context, senders);
