import { isBulkRunning } from '../bulk/bulk-runs.ts';
import type { QueryClient } from '@tanstack/react-query';
import { getNotifications } from '../../../api/notifications.ts';
import { replicaQueries } from '../../../replica/queries.ts';
import type { Replica } from '../../../replica/store.ts';
import type { FetchPage } from '../../../replica/sync.ts';
import { SYNC_PAGE_SIZE } from '../../../replica/sync-window.ts';
import { isReplicaList } from './notification-queries.ts';

/** The sync's requests: the API's notification pages at the largest size it allows. */
export const fetchSyncPage: FetchPage = (query, page, signal) =>
  getNotifications(query, page, signal, SYNC_PAGE_SIZE);

/** How long changes to the replica are gathered before the views read it again (a first sync's pages, a burst). */
const GATHER_MS = 50;

/**
 * Ties this page's replica to its query client: every change (an action here, another tab's, a page of the sync)
 * makes the lists read from the replica and the counts read again, once per burst; and the sync runs whenever this
 * tab leads. Returns the function that undoes both.
 */
export function connectReplica(queryClient: QueryClient, replica: Replica): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const readAgain = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void queryClient.invalidateQueries({ predicate: (query) => isReplicaList(query.queryKey) });
      void queryClient.invalidateQueries({ queryKey: replicaQueries.all() });
    }, GATHER_MS);
  };
  const unsubscribe = replica.subscribe(readAgain);
  // The lists restored from the last visit's first screen (app/persistence.ts) give way to the replica's views.
  void replica.loaded.then(readAgain);
  // The sync's code (replica/sync.ts) downloads now, after the first render: the first rows come from the device
  // or the page, and the views read the replica again at each of its writes.
  let stopSync: (() => void) | null = null;
  let stopped = false;
  void Promise.all([import('../../../replica/sync.ts'), import('./queued-actions.ts')]).then(
    ([{ startSync, syncIntervals }, { queuedActions }]) => {
      if (stopped) return;
      stopSync = startSync(
        replica,
        fetchSyncPage,
        syncIntervals(typeof localStorage === 'undefined' ? null : localStorage),
        isBulkRunning,
        // What waits in the outbox (any tab's, held reads too): a page load's re-read leaves it alone.
        () => new Set(queuedActions().flatMap((action) => action.payload.ids)),
      );
    },
    () => {
      // Its code could not be downloaded (offline without it cached): the next page syncs.
    },
  );
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    stopSync?.();
  };
}
