import type { QueryClient } from '@tanstack/react-query';
import type { FeedKind, FeedTarget } from '../../../api/activities.ts';
import { postComment } from '../../../api/comments.ts';
import { commentMarkup } from '../../../lib/markup/comment-writer.ts';
import type { OutboxEntry } from '../../../outbox/entry.ts';
import type { Sender } from '../../../outbox/replay.ts';
import { activityKeys } from './activity-keys.ts';
import { complete, enqueue, entriesOf, thisTab, update } from '../../../outbox/store.ts';

/**
 * Replies in the outbox (src/outbox/): each is written there before it is shown or sent, and sent through the
 * query client, so that it waits while the server cannot be reached (React Query pauses it, and a lost connection
 * is retried: src/app/query-client.ts) and goes the moment the server answers. Accepted: the feed is refetched
 * once, then the reply leaves the outbox (the real entry takes its place in the same frame). Refused: it stays
 * with the reason, until Retry or Edit; it is never sent again by itself.
 */
export const REPLY_KIND = 'reply';

/** Someone mentioned in a reply: the text holds `@Name`, sent as `@[Person:ID:Name]`. */
export interface Mention {
  id: string;
  name: string;
}

export interface ReplyPayload {
  target: FeedTarget;
  /** What was typed, as typed; the markup is made from it when it is sent. */
  text: string;
  mentions: Mention[];
}
export type QueuedReply = OutboxEntry<ReplyPayload>;

// Not imported from activities.ts: a value from there would pull its parser into a chunk the entry shares.
const FEED_KINDS: readonly FeedKind[] = ['task', 'deal', 'discussion'];

function readReply(value: unknown): ReplyPayload | null {
  const payload = value as Partial<ReplyPayload> | null;
  const valid =
    typeof payload === 'object' &&
    payload !== null &&
    typeof payload.text === 'string' &&
    typeof payload.target === 'object' &&
    payload.target !== null &&
    (FEED_KINDS as readonly string[]).includes(payload.target.kind) &&
    Number.isSafeInteger(payload.target.id) &&
    Array.isArray(payload.mentions) &&
    payload.mentions.every(
      (mention: Partial<Mention> | null) =>
        typeof mention?.id === 'string' && typeof mention.name === 'string',
    );
  return valid ? (payload as ReplyPayload) : null;
}

/** The replies in the outbox, sending, waiting or refused, oldest first. */
export const queuedReplies = (): QueuedReply[] => entriesOf(REPLY_KIND, readReply);

export const replySendKey = ['comments', 'send'] as const;

const reasonOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'The server refused the reply.';

/** Sends a queued reply; resolves once the server has answered it (accepted, or refused: see the entry). */
function sendQueuedReply(queryClient: QueryClient, entry: QueuedReply): Promise<void> {
  return queryClient
    .getMutationCache()
    .build<{ id: string }, Error, QueuedReply, unknown>(queryClient, {
      mutationKey: replySendKey,
      mutationFn: ({ payload }) =>
        postComment(payload.target, commentMarkup(payload.text, payload.mentions)),
      // One after another, in the order they were written.
      scope: { id: 'comments.send' },
    })
    .execute(entry)
    .then(
      async () => {
        await queryClient.invalidateQueries({
          predicate: (query) => activityKeys.isFeedOf(query.queryKey, entry.payload.target),
        });
        complete(entry.key);
      },
      (error: unknown) => {
        update(entry.key, { failure: reasonOf(error) });
        throw error;
      },
    );
}

/** Writes a reply to the outbox and sends it. The promise settles when the server has answered. */
export function sendReply(
  queryClient: QueryClient,
  target: FeedTarget,
  text: string,
  mentions: readonly Mention[],
): { entry: QueuedReply; sent: Promise<void> } {
  const entry = enqueue<ReplyPayload>(REPLY_KIND, {
    target: { kind: target.kind, id: target.id },
    text,
    mentions: mentions.map(({ id, name }) => ({ id, name })),
  });
  return { entry, sent: sendQueuedReply(queryClient, entry) };
}

/** Sends a refused reply again, from this tab. */
export function retryReply(queryClient: QueryClient, key: string): Promise<void> {
  const entry = update(key, { failure: null, owner: thisTab });
  const payload = entry && readReply(entry.payload);
  return entry && payload ? sendQueuedReply(queryClient, { ...entry, payload }) : Promise.resolve();
}

/** Takes a refused reply out of the outbox, to be edited: its text and mentions go back to the composer. */
export function takeBackReply(key: string): QueuedReply | null {
  const entry = queuedReplies().find((reply) => reply.key === key) ?? null;
  if (entry) complete(key);
  return entry;
}

/** Replies in the outbox's replay loop: a refusal of one left by a page that is gone is said once. */
export const replySender: Sender<ReplyPayload> = {
  kind: REPLY_KIND,
  read: readReply,
  send: (entry, { queryClient, showToast }) =>
    sendQueuedReply(queryClient, entry).catch((error: unknown) => {
      showToast({ tone: 'error', message: `A reply could not be sent: ${reasonOf(error)}` });
    }),
};
