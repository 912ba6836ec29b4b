import { ApiRequestError, isNetworkError, sleep } from '../../../api/http.ts';
import type { NotificationAction } from '../../../api/notifications.ts';

/**
 * One bulk action's progress as its outbox entry keeps it, item by item, so that a reload or a closed tab resumes it
 * without sending any item twice: an item is recorded as sent (`inFlight`) *before* its request starts and leaves
 * `inFlight` once answered. After a reload, an item still `inFlight` may or may not have reached the server, so it
 * is read back (`isDone`), and sent again only if it did not.
 */
export interface BulkProgress {
  action: NotificationAction;
  /** Every item, in the order they are sent. */
  ids: string[];
  /** Items before this index have been started (sent, or being sent). */
  next: number;
  /** Started and not yet answered. */
  inFlight: string[];
  /** Refused by the server; `refusal` says the first reason. */
  failed: string[];
  refusal: string | null;
  /** The whole Inbox in one request (`dismiss_notifications` of this membership), instead of one per item. */
  membershipId?: string;
  /** An Undo of another bulk action: it offers no Undo of its own. */
  isUndo?: boolean;
}

/** Items answered as done so far. */
export const doneCount = (progress: BulkProgress) =>
  progress.membershipId && progress.next > 0 && progress.inFlight.length === 0
    ? progress.ids.length - progress.failed.length
    : progress.next - progress.inFlight.length - progress.failed.length;

/** The ids done so far (what an Undo takes back). */
export function doneIds(progress: BulkProgress): string[] {
  if (progress.membershipId)
    return doneCount(progress) > 0
      ? progress.ids.filter((id) => !progress.failed.includes(id))
      : [];
  const pending = new Set([...progress.inFlight, ...progress.failed]);
  return progress.ids.slice(0, progress.next).filter((id) => !pending.has(id));
}

export const WHOLE_INBOX = '*';

export interface BulkDeps {
  /** Sends one item's action; resolves once the server has answered it. */
  send: (id: string, signal: AbortSignal) => Promise<void>;
  /** Reads one item back: whether the action has already been done to it (it was sent before a reload). */
  isDone: (id: string, signal: AbortSignal) => Promise<boolean>;
  /** The whole Inbox in one request. */
  sendWholeInbox: (membershipId: string, signal: AbortSignal) => Promise<void>;
  /** Whether the whole-Inbox request, sent before a reload, was done. */
  isWholeInboxDone: (signal: AbortSignal) => Promise<boolean>;
  /** Writes the progress to the outbox entry, synchronously, before anything it records happens. */
  save: (progress: BulkProgress) => void;
  /** Resolves when the budget has room for one more request. */
  pace: (signal: AbortSignal) => Promise<void>;
  /** Items the server has answered as done. */
  onDone: (ids: string[]) => void;
  /** Stops it: no request starts after; the ones under way are answered first. */
  signal: AbortSignal;
  concurrency?: number;
  /** While the server cannot be reached: how long before trying again. */
  offlineRetryMs?: number;
}

export const BULK_RUN_CONCURRENCY = 4;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isRefusal = (error: unknown) =>
  error instanceof ApiRequestError && !isNetworkError(error) && error.status !== 429;

/**
 * Runs (or resumes) a bulk action to its end or until stopped; returns its progress as last saved. Items refused
 * by the server are counted as failed, and the rest go on; while the server cannot be reached it waits and tries
 * again (an item that may have arrived is read back first).
 */
export async function runBulkAction(start: BulkProgress, deps: BulkDeps): Promise<BulkProgress> {
  const { signal, concurrency = BULK_RUN_CONCURRENCY, offlineRetryMs = 2_000 } = deps;
  let progress: BulkProgress = {
    ...start,
    inFlight: [...start.inFlight],
    failed: [...start.failed],
  };
  const save = (change: Partial<BulkProgress>) => {
    progress = { ...progress, ...change };
    deps.save(progress);
  };
  const answered = (id: string, failedWith?: unknown) => {
    const inFlight = progress.inFlight.filter((other) => other !== id);
    if (failedWith === undefined) {
      save({ inFlight });
      deps.onDone(id === WHOLE_INBOX ? progress.ids : [id]);
    } else
      save({
        inFlight,
        failed: id === WHOLE_INBOX ? progress.ids : [...progress.failed, id],
        refusal: progress.refusal ?? reasonOf(failedWith),
      });
  };

  /** One item sent, or found done: until answered, refused, or stopped (then it stays in flight). */
  async function settle(id: string, mayHaveArrived: boolean, paced: boolean): Promise<void> {
    let verify = mayHaveArrived;
    let hasSlot = paced;
    for (;;) {
      try {
        if (verify) {
          const done =
            id === WHOLE_INBOX
              ? await deps.isWholeInboxDone(signal)
              : await deps.isDone(id, signal);
          if (done) return answered(id);
        }
        if (!hasSlot) {
          if (signal.aborted) return;
          await deps.pace(signal);
        }
        hasSlot = false;
        if (id === WHOLE_INBOX) await deps.sendWholeInbox(progress.membershipId as string, signal);
        else await deps.send(id, signal);
        return answered(id);
      } catch (error) {
        if (signal.aborted && !isRefusal(error)) return;
        if (isRefusal(error)) return answered(id, error);
        if (!isNetworkError(error)) return answered(id, error);
        // No answer: it may have arrived. Wait, then read it back before sending it again.
        verify = true;
        try {
          await sleep(offlineRetryMs, signal);
        } catch {
          return;
        }
      }
    }
  }

  if (progress.membershipId) {
    if (progress.next === 0) {
      save({ next: 1, inFlight: [WHOLE_INBOX] });
      await settle(WHOLE_INBOX, false, false);
    } else if (progress.inFlight.includes(WHOLE_INBOX)) await settle(WHOLE_INBOX, true, false);
    return progress;
  }

  // Resumed: what was under way at the reload is read back, and sent only if it did not arrive.
  const resumed = [...progress.inFlight];
  const worker = async (): Promise<void> => {
    for (;;) {
      if (signal.aborted) return;
      const again = resumed.shift();
      if (again !== undefined) {
        await settle(again, true, false);
        continue;
      }
      if (progress.next >= progress.ids.length) return;
      try {
        await deps.pace(signal);
      } catch {
        return;
      }
      if (signal.aborted || progress.next >= progress.ids.length) return;
      const id = progress.ids[progress.next] as string;
      // Recorded as sent before it is sent: a reload from here on reads it back instead of sending it twice.
      save({ next: progress.next + 1, inFlight: [...progress.inFlight, id] });
      await settle(id, false, true);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return progress;
}
