import { API_BASE, scopeHeaders } from '../../../api/http.ts';
import type { OutboxEntry } from '../../../outbox/entry.ts';
import { enqueue, entriesOf, rewrite, thisTab } from '../../../outbox/store.ts';
import { INBOX_ACTIONS, type InboxAction } from '../model/inbox-actions.ts';
import { UNDO_WINDOW_MS } from '../model/undo-stack.ts';
import { ACTION_KIND } from './notification-action-key.ts';

/**
 * The inbox's actions in the outbox (src/outbox/): what an entry holds, and the reads held back for the undo
 * window. The mutation (use-notification-action.ts) writes the entry; action-sender.ts sends adopted ones.
 */
export { ACTION_KIND };

export interface QueuedActionPayload {
  ids: string[];
  action: InboxAction;
  /** A snooze's wake time (ISO with its offset). */
  wakeAt?: string;
}
export type QueuedAction = OutboxEntry<QueuedActionPayload>;

export function readActionPayload(value: unknown): QueuedActionPayload | null {
  const payload = value as Partial<QueuedActionPayload> | null;
  const valid =
    typeof payload === 'object' &&
    payload !== null &&
    typeof payload.action === 'string' &&
    (INBOX_ACTIONS as readonly string[]).includes(payload.action) &&
    (payload.action === 'snooze'
      ? typeof payload.wakeAt === 'string' && Number.isFinite(Date.parse(payload.wakeAt))
      : payload.wakeAt === undefined) &&
    Array.isArray(payload.ids) &&
    payload.ids.every((id) => typeof id === 'string');
  return valid ? (payload as QueuedActionPayload) : null;
}

/** Writes an action to the outbox before it is shown or sent; returns its key. */
export function enqueueAction(
  ids: readonly string[],
  action: InboxAction,
  wakeAt?: string,
): string {
  return enqueue<QueuedActionPayload>(ACTION_KIND, {
    ids: [...ids],
    action,
    ...(wakeAt === undefined ? {} : { wakeAt }),
  }).key;
}

/** Every inbox action waiting in the outbox, this tab's and others', oldest first. */
export const queuedActions = (): QueuedAction[] => entriesOf(ACTION_KIND, readActionPayload);

/**
 * The API has no "mark unread", so a read is held for the undo window before it is sent: undo cancels it, and the
 * page going away (hidden, closed) sends everything held at once. See docs/decisions/002. A held read is an
 * outbox entry from the start, so a page that goes away before sending it leaves it to the next.
 */
type Outcome = 'send' | 'cancelled';
const held = new Map<
  string,
  { resolve: (outcome: Outcome) => void; timer: ReturnType<typeof setTimeout> }
>();
let holdMs = UNDO_WINDOW_MS;

/** For tests: how long reads are held. */
export function setReadHoldMs(ms: number) {
  holdMs = ms;
}

export function holdRead(id: string): Promise<Outcome> {
  settle(id, 'send');
  if (holdMs <= 0) return Promise.resolve('send');
  return new Promise((resolve) => {
    held.set(id, { resolve, timer: setTimeout(() => settle(id, 'send'), holdMs) });
  });
}

function settle(id: string, outcome: Outcome): boolean {
  const entry = held.get(id);
  if (!entry) return false;
  clearTimeout(entry.timer);
  held.delete(id);
  entry.resolve(outcome);
  return true;
}

/** Cancels held reads; returns the ids that were still held (the others were already sent). */
export function cancelReads(ids: readonly string[]): string[] {
  const cancelled = new Set(ids.filter((id) => settle(id, 'cancelled')));
  // They leave this tab's read entries too.
  rewrite((entry) => {
    const payload = entry.kind === ACTION_KIND ? readActionPayload(entry.payload) : null;
    if (entry.owner !== thisTab || payload?.action !== 'read') return entry;
    const left = payload.ids.filter((id) => !cancelled.has(id));
    if (left.length === payload.ids.length) return entry;
    return left.length ? { ...entry, payload: { ...payload, ids: left } } : null;
  });
  return [...cancelled];
}

function flushReads() {
  for (const id of [...held.keys()]) settle(id, 'send');
}

/**
 * The page is going away: this tab's reads still waiting out the undo window are sent now, with requests that
 * outlive the page (keepalive). They stay in the outbox: the next page sends them again (a read is idempotent) in
 * case these never arrived.
 */
function sendHeldReadsNow() {
  for (const { owner, payload } of queuedActions()) {
    if (owner !== thisTab || payload.action !== 'read') continue;
    for (const id of payload.ids) {
      void fetch(`${API_BASE}/notifications/${encodeURIComponent(id)}/read`, {
        method: 'PATCH',
        headers: {
          Accept: 'application/vnd.api+json',
          'Content-Type': 'application/vnd.api+json',
          ...scopeHeaders(),
        },
        keepalive: true,
      }).catch(() => {});
    }
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    // The page may be gone before the flushed reads' requests start: send them from here, outliving the page.
    sendHeldReadsNow();
    flushReads();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushReads();
  });
}
