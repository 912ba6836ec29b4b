/**
 * Team mode's purge of expired sessions: at start and every hour. A failure (a full or read-only disk, a closed
 * database) is logged in one line and tried again next time, never the end of the process.
 */
import { describeStorageError } from '../db/database.ts';
import type { SessionStore } from './session-store.ts';

export const SESSION_PURGE_EVERY_MS = 60 * 60 * 1000;

type Purgeable = Pick<SessionStore, 'purgeExpired'>;

/** One purge; whatever it throws is logged, never thrown on. */
export function purgeSessions(
  store: Purgeable,
  log: (message: string) => void = console.error,
): void {
  try {
    store.purgeExpired();
  } catch (error) {
    log(`Purging expired sessions failed: ${describeStorageError(error)}`);
  }
}

/** Purges now and every `everyMs`; the timer does not keep the process alive. Returns what stops it. */
export function startSessionPurge(
  store: Purgeable,
  {
    everyMs = SESSION_PURGE_EVERY_MS,
    log = console.error,
  }: { everyMs?: number; log?: (message: string) => void } = {},
): () => void {
  purgeSessions(store, log);
  const timer = setInterval(() => purgeSessions(store, log), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
