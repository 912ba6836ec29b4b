import { useQuery } from '@tanstack/react-query';
import { replicaQueries, type InboxCounts } from '../../../replica/queries.ts';

/** The true unread counts of the Inbox, Important and Mentions, from the replica; null before it is read. */
export function useInboxCounts(): InboxCounts | null {
  return useQuery(replicaQueries.counts()).data ?? null;
}

/** "Loading your inbox… 600 of 1,547": what is said instead of a number while the first sync runs. */
export function syncingLabel(syncing: NonNullable<InboxCounts['syncing']>): string {
  const format = (value: number) => value.toLocaleString('en-US');
  return syncing.total === null
    ? 'Loading your inbox…'
    : `Loading your inbox… ${format(syncing.loaded)} of ${format(syncing.total)}`;
}

/**
 * While the first sync runs, how far it is (a list then gives no count: it would be partial); also before the
 * list knows its total (the last visit's first screen). Null once the count is the whole view's.
 */
export function useListSyncing(totalCount: number | null): InboxCounts['syncing'] {
  return useInboxCounts()?.syncing ?? (totalCount === null ? { loaded: 0, total: null } : null);
}
