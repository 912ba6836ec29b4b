import { rewrite } from './store.ts';

/**
 * The token turned out to be read-only: every write still waiting is dropped with that reason. Inbox actions leave
 * the outbox (the lists, refetched, show them undone); replies stay, refused with the reason, so that their text can
 * be taken back to the composer. Returns how many were dropped.
 */
export function dropWaitingWrites(reason: string): number {
  let dropped = 0;
  rewrite((entry) => {
    if (entry.kind === 'reply') {
      if (entry.failure !== null) return entry;
      dropped += 1;
      return { ...entry, failure: reason };
    }
    dropped += 1;
    return null;
  });
  return dropped;
}
