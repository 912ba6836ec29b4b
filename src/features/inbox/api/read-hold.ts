import { API_BASE } from '../../../api/http.ts';
import { UNDO_WINDOW_MS } from '../model/undo-stack.ts';
import { cancelQueuedReads, sendHeldReadsNow } from './action-queue.ts';

/**
 * The API has no "mark unread", so a read is held for the undo window before it is sent: undo cancels it,
 * and the page going away (hidden, closed) sends everything held at once. See docs/decisions/002. Held reads are
 * in the durable queue too (action-queue.ts): a page that goes away before they are sent leaves them to the next.
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
  const cancelled = ids.filter((id) => settle(id, 'cancelled'));
  cancelQueuedReads(cancelled);
  return cancelled;
}

export function flushReads() {
  for (const id of [...held.keys()]) settle(id, 'send');
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    // The page may be gone before the flushed reads' requests start: send them from here, outliving the page.
    sendHeldReadsNow(API_BASE);
    flushReads();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushReads();
  });
}
