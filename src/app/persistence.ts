import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import type { Query } from '@tanstack/react-query';
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client';
import { deviceStorage, scopedKey } from '../lib/device-data.ts';

/** Lists larger than this are not kept offline: the cache would outgrow local storage and slow every write. */
const MAX_PERSISTED_PAGES = 10;

function shouldPersistQuery(query: Query): boolean {
  if (query.state.status !== 'success') return false;
  const [root, kind] = query.queryKey as unknown[];
  if (root === 'projects') return true;
  if (root !== 'notifications' || kind !== 'list') return false;
  const pages = (query.state.data as { pages?: unknown[] } | undefined)?.pages;
  return Array.isArray(pages) && pages.length <= MAX_PERSISTED_PAGES;
}

/**
 * Offline: the notification lists and projects, and every action still waiting to be sent, are kept in local
 * storage, so a reload while offline shows the inbox as it was and sends the queued actions once back online.
 * They are kept under the session's scope (backend and person), so nobody else's are ever restored or replayed.
 */
export function persistOptions(scope: string): Omit<PersistQueryClientOptions, 'queryClient'> {
  return {
    persister: createSyncStoragePersister({
      storage: typeof window === 'undefined' ? undefined : deviceStorage,
      key: scopedKey('cache', scope),
    }),
    maxAge: 24 * 60 * 60 * 1000,
    buster: 'v1',
    dehydrateOptions: {
      shouldDehydrateQuery: shouldPersistQuery,
      shouldDehydrateMutation: (mutation) =>
        mutation.state.isPaused || mutation.state.status === 'pending',
    },
  };
}
