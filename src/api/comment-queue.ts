import type { FeedKind, FeedTarget } from './activities.ts';
import {
  adoptWhere,
  isReplyEntry,
  loadEntries,
  loadQueue,
  newId,
  saveEntries,
  thisTab,
  type QueueEntry,
} from './action-queue.ts';

/**
 * Replies in the durable queue (action-queue.ts): written before they are shown or sent, kept until the server
 * accepts them, refused ones kept with the reason for Retry. The inbox's own code never loads this module.
 */
/** Someone mentioned in a reply: the text holds `@Name`, sent as `@[Person:ID:Name]`. */
export interface Mention {
  id: string;
  name: string;
}

/** A reply written and not yet accepted by the server. */
export interface QueuedComment {
  kind: 'comment';
  key: string;
  target: FeedTarget;
  /** What was typed, as typed; the markup is made from it when it is sent. */
  text: string;
  mentions: Mention[];
  owner: string;
  createdAt: number;
  /** Why the server refused it: it waits for Retry (or Edit), never sent again by itself. */
  failure: string | null;
}

// Not imported from activities.ts: a value from there would pull its parser into a chunk the entry shares.
const FEED_KINDS: readonly FeedKind[] = ['task', 'deal', 'discussion'];

export function isQueuedComment(value: unknown): value is QueuedComment {
  if (!isReplyEntry(value)) return false;
  const entry = value as Partial<QueuedComment>;
  return (
    typeof entry.text === 'string' &&
    (entry.failure === null || typeof entry.failure === 'string') &&
    typeof entry.target === 'object' &&
    entry.target !== null &&
    (FEED_KINDS as readonly string[]).includes(entry.target.kind) &&
    Number.isSafeInteger(entry.target.id) &&
    Array.isArray(entry.mentions) &&
    entry.mentions.every(
      (mention: Partial<Mention> | null) =>
        typeof mention?.id === 'string' && typeof mention.name === 'string',
    )
  );
}

/** The replies queued, sent or refused. */
export function loadComments(): QueuedComment[] {
  return loadEntries().filter(isQueuedComment);
}

/** Writes the replies; the notification actions queued stay as they are. */
export function saveComments(entries: readonly QueuedComment[]): boolean {
  return saveEntries([...loadQueue(), ...entries].sort((a, b) => a.createdAt - b.createdAt));
}

/** Writes a reply down before it is shown or sent. */
export function enqueueComment(
  target: FeedTarget,
  text: string,
  mentions: readonly Mention[],
): QueuedComment {
  const entry: QueuedComment = {
    kind: 'comment',
    key: newId(),
    target: { kind: target.kind, id: target.id },
    text,
    mentions: mentions.map(({ id, name }) => ({ id, name })),
    owner: thisTab,
    createdAt: Date.now(),
    failure: null,
  };
  saveEntries([...loadEntries(), entry]);
  return entry;
}

/** Changes one queued reply (its failure, or its owner on Retry); returns it as now stored, or null if gone. */
export function updateQueuedComment(
  key: string,
  change: Partial<Pick<QueuedComment, 'failure' | 'owner'>>,
): QueuedComment | null {
  let updated: QueuedComment | null = null;
  const entries = loadEntries().map((entry): QueueEntry => {
    if (!isQueuedComment(entry) || entry.key !== key) return entry;
    const next: QueuedComment = { ...entry, ...change };
    updated = next;
    return next;
  });
  if (updated) saveEntries(entries);
  return updated;
}

/** Takes over the replies left by tabs that are gone and not refused (a refused one waits for Retry). */
export function adoptOrphanComments(): Promise<QueuedComment[]> {
  return adoptWhere(
    (entry): entry is QueuedComment => isQueuedComment(entry) && entry.failure === null,
  );
}
