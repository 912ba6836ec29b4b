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
