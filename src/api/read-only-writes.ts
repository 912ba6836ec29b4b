import { loadQueue, saveQueue } from './action-queue.ts';
import { loadComments, updateQueuedComment } from './comment-queue.ts';

/**
 * The token turned out to be read-only: every write still waiting is dropped with that reason. Notification
 * actions leave the queue (the lists, refetched, show them undone); replies stay, refused with the reason, so that
 * their text can be taken back to the composer.
 */
export function dropWaitingWrites(reason: string): number {
  const actions = loadQueue();
  if (actions.length) saveQueue([]);
  const replies = loadComments().filter((reply) => reply.failure === null);
  for (const reply of replies) updateQueuedComment(reply.key, { failure: reason });
  return actions.length + replies.length;
}
