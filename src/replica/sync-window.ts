/**
 * What the replica's sync keeps, which the views read at first render (sync.ts, the sync itself, loads after it).
 */

export const SYNC_PAGE_SIZE = 200;
export const DISMISSED_KEPT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of what the replica keeps of the dismissed ones. */
export const recentDismissedSince = (now = Date.now()) =>
  new Date(now - DISMISSED_KEPT_DAYS * DAY_MS).toISOString();
