import type { Query, QueryClient } from '@tanstack/react-query';
import { commentMarkup } from '../lib/markup/comment-writer.ts';
import { completeQueued, thisTab } from './action-queue.ts';
import {
  adoptOrphanComments,
  enqueueComment,
  loadComments,
  updateQueuedComment,
  type Mention,
  type QueuedComment,
} from './comment-queue.ts';
import type { FeedTarget } from './activities.ts';
import { postComment } from './comments.ts';

/**
 * Replies on their way: each is written to the durable queue (action-queue.ts) before it is shown or sent, and
 * sent through the query client, so that it waits while the server cannot be reached (React Query pauses it, and
 * a lost connection is retried: src/app/query-client.ts) and goes the moment the server answers. Accepted: the
 * feed is refetched once, then the reply leaves the queue (the real entry takes its place in the same frame).
 * Refused: it stays queued with the reason, until Retry or Edit; it is never sent again by itself.
 */
export const commentSendKey = ['comments', 'send'] as const;

const isFeedQueryOf =
  (target: FeedTarget) =>
  (query: Query): boolean => {
    const [root, kind, activityQuery] = query.queryKey as [
      unknown,
      unknown,
      { target?: FeedTarget } | undefined,
    ];
    return (
      root === 'activities' &&
      kind === 'list' &&
      activityQuery?.target?.kind === target.kind &&
      activityQuery.target.id === target.id
    );
  };

export const reasonOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'The server refused the reply.';

/** Sends a queued reply; resolves once the server has answered it (accepted, or refused: see the entry). */
export function sendQueuedComment(queryClient: QueryClient, entry: QueuedComment): Promise<void> {
  return queryClient
    .getMutationCache()
    .build<{ id: string }, Error, QueuedComment, unknown>(queryClient, {
      mutationKey: commentSendKey,
      mutationFn: (reply) => postComment(reply.target, commentMarkup(reply.text, reply.mentions)),
      // One after another, in the order they were written.
      scope: { id: 'comments.send' },
    })
    .execute(entry)
    .then(
      async () => {
        await queryClient.invalidateQueries({ predicate: isFeedQueryOf(entry.target) });
        completeQueued(entry.key);
      },
      (error: unknown) => {
        updateQueuedComment(entry.key, { failure: reasonOf(error) });
        throw error;
      },
    );
}

/** Writes a reply down and sends it. The promise settles when the server has answered. */
export function sendComment(
  queryClient: QueryClient,
  target: FeedTarget,
  text: string,
  mentions: readonly Mention[],
): { entry: QueuedComment; sent: Promise<void> } {
  const entry = enqueueComment(target, text, mentions);
  return { entry, sent: sendQueuedComment(queryClient, entry) };
}

/** Sends a refused reply again, from this tab. */
export function retryComment(queryClient: QueryClient, key: string): Promise<void> {
  const entry = updateQueuedComment(key, { failure: null, owner: thisTab });
  return entry ? sendQueuedComment(queryClient, entry) : Promise.resolve();
}

/** Takes a refused reply out of the queue, to be edited: its text and mentions go back to the composer. */
export function takeBackComment(key: string): QueuedComment | null {
  const entry = loadComments().find((comment) => comment.key === key) ?? null;
  if (entry) completeQueued(key);
  return entry;
}

/**
 * Adopts the replies left by pages that are gone (reloaded, closed) and sends them from here, oldest first.
 * `onRefused` hears of each one the server refuses.
 */
export async function replayOrphanComments(
  queryClient: QueryClient,
  onRefused: (entry: QueuedComment, reason: string) => void,
): Promise<void> {
  const adopted = (await adoptOrphanComments()).sort((a, b) => a.createdAt - b.createdAt);
  await Promise.all(
    adopted.map((entry) =>
      sendQueuedComment(queryClient, entry).catch((error: unknown) =>
        onRefused(entry, reasonOf(error)),
      ),
    ),
  );
}
