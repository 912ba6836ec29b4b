import type { NotificationAction } from '../../../api/notifications.ts';
import type { OutboxEntry } from '../../../outbox/entry.ts';
import { enqueue } from '../../../outbox/store.ts';
import type { BulkProgress } from './bulk-run.ts';

/** A bulk action's outbox entry: its kind, what starts one, and the stored progress, checked when read back. */
export const BULK_KIND = 'inbox-bulk';

export interface BulkRequest {
  action: NotificationAction;
  ids: readonly string[];
  /** The ids are the whole Inbox, unfiltered: one `dismiss_notifications` request (dismiss only). */
  wholeInbox?: boolean;
  /** An Undo of another bulk action (it offers no Undo of its own). */
  isUndo?: boolean;
}

export type StoredProgress = BulkProgress & { wholeInbox?: boolean };

export const ID = /^[1-9]\d{0,17}$/;

/** Writes a bulk action to the outbox, synchronously, before anything is shown or sent. */
export function enqueueBulk(request: BulkRequest): OutboxEntry<StoredProgress> {
  return enqueue<StoredProgress>(BULK_KIND, {
    action: request.action,
    ids: [...new Set(request.ids)],
    next: 0,
    inFlight: [],
    failed: [],
    refusal: null,
    ...(request.isUndo ? { isUndo: true } : {}),
    ...(request.wholeInbox && request.action === 'dismiss' ? { wholeInbox: true } : {}),
  });
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A stored bulk entry's progress, checked; null when it is not one (kept, never sent). */
export function readBulkProgress(value: unknown): StoredProgress | null {
  const progress = value as Partial<StoredProgress> | null;
  if (typeof progress !== 'object' || progress === null) return null;
  const valid =
    (progress.action === 'read' ||
      progress.action === 'dismiss' ||
      progress.action === 'undismiss') &&
    isStringArray(progress.ids) &&
    Number.isInteger(progress.next) &&
    (progress.next as number) >= 0 &&
    (progress.next as number) <= progress.ids.length &&
    isStringArray(progress.inFlight) &&
    isStringArray(progress.failed) &&
    (progress.refusal === null || typeof progress.refusal === 'string') &&
    (progress.membershipId === undefined ||
      (typeof progress.membershipId === 'string' && ID.test(progress.membershipId)));
  return valid ? (progress as StoredProgress) : null;
}
