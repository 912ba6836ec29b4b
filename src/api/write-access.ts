/**
 * Whether this page may write to Productive. A read-only token signs in like any other; the first write Productive
 * refuses (403) tells: from then on no write is sent (each fails at once with the reason), the waiting ones are
 * dropped, and the actions are off, until the token or scope changes (a new page scope resets it). One small
 * module, with no imports, that the HTTP client, the queues and the action buttons read.
 */
export const READ_ONLY_MESSAGE =
  'Productive refused: this token is read-only. Create a read/write token under Settings → API integrations.';

/** The id of the notice that says so, for the actions' `aria-describedby`. */
export const READ_ONLY_NOTICE_ID = 'read-only-notice';

let readOnly = false;
let scope: string | null = null;
const listeners = new Set<() => void>();

export const isReadOnly = () => readOnly;

/** Calls back whenever write access changes (lost on a refusal, back on a new scope). */
export function subscribeWriteAccess(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(value: boolean) {
  if (readOnly === value) return;
  readOnly = value;
  for (const listener of [...listeners]) listener();
}

/** Productive refused a write with 403: this token can only read. Returns whether that is news. */
export function noteRefusedWrite(): boolean {
  const news = !readOnly;
  set(true);
  return news;
}

/** The page now acts for this scope (backend and person): another token may write again. */
export function setWriteAccessScope(next: string | null) {
  if (next === scope) return;
  scope = next;
  set(false);
}
