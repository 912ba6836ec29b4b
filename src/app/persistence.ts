import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import {
  dehydrate,
  hydrate,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type {
  PersistedClient,
  PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client';
import type { NotificationPages } from '../features/inbox/model/cache-updates.ts';
import { isReplicaList, notificationQueries } from '../features/inbox/api/notification-queries.ts';
import { hasWaiting } from '../outbox/waiting.ts';
import { projectQueries } from '../features/inbox/api/project-queries.ts';
import { snoozeQueries } from '../features/inbox/api/snooze-queries.ts';
import { deviceKey, deviceStorage, dropPageCopy, refreshCachedPage } from '../lib/device-data.ts';

/** Lists larger than this are not kept offline: the cache would outgrow local storage and slow every write. */
const MAX_PERSISTED_PAGES = 10;

/**
 * The kinds of query kept offline: the notification lists, the projects and the snooze list (offline, a reload
 * still hides what is snoozed and shows the Snoozed view); nothing else, never a detail. A view of the replica is
 * kept as its first screen only (the replica itself is in IndexedDB, src/replica/): it paints the first frame of
 * the next visit, until the replica is read.
 */
export const isPersisted = (key: QueryKey): boolean =>
  notificationQueries.isList(key) || projectQueries.isList(key) || snoozeQueries.isList(key);

/** How many rows of a replica's view are kept for the next visit's first frame. */
export const FIRST_SCREEN_ROWS = 60;

/**
 * A replica view's first screen: its first rows, with no count (the header says it is loading until the replica
 * answers with the whole view).
 */
function firstScreen(state: PersistedClient['clientState']): PersistedClient['clientState'] {
  return {
    ...state,
    queries: state.queries.map((query) => {
      const data = query.state.data as NotificationPages | undefined;
      if (!isReplicaList(query.queryKey) || !data?.pages) return query;
      const rows = data.pages.flatMap((page) => page.notifications).slice(0, FIRST_SCREEN_ROWS);
      const glimpse: NotificationPages = {
        pages: [{ notifications: rows, totalCount: null, hasNextPage: false }],
        pageParams: [1],
      };
      return { ...query, state: { ...query.state, data: glimpse } };
    }),
  };
}

const serialize = (client: PersistedClient) =>
  JSON.stringify({ ...client, clientState: firstScreen(client.clientState) });

export function shouldPersistQuery(query: Query): boolean {
  if (query.state.status !== 'success' || !isPersisted(query.queryKey)) return false;
  if (!notificationQueries.isList(query.queryKey)) return true;
  const pages = (query.state.data as { pages?: unknown[] } | undefined)?.pages;
  return Array.isArray(pages) && pages.length <= MAX_PERSISTED_PAGES;
}

/**
 * Offline: the notification lists and projects are kept in local storage, so a reload while offline shows the inbox
 * as it was. Actions waiting to be sent are not part of it: they are in the outbox (src/outbox/; replies
 * too), written before anything else happens. Both are kept under the session's
 * scope (backend and person: `inbox.cache:SCOPE`, `inbox.actions:SCOPE`), so nobody else's are ever restored or
 * replayed (src/lib/device-data.ts).
 */
const BUSTER = 'v3';
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const dehydrateOptions = {
  shouldDehydrateQuery: shouldPersistQuery,
  shouldDehydrateMutation: () => false,
};

/** When the cache was last written (by the persister or saveCacheNow), and when it last changed. */
const lastSaved = { at: -1, changedAt: 0 };

/** The device's storage, noting each write of the cache. */
const notedStorage: typeof deviceStorage = {
  ...deviceStorage,
  setItem: (key, value) => {
    deviceStorage.setItem(key, value);
    if (key === deviceKey('cache')) lastSaved.at = performance.now();
  },
};

export function persistOptions(): Omit<PersistQueryClientOptions, 'queryClient'> {
  return {
    persister: createSyncStoragePersister({
      storage: typeof window === 'undefined' ? undefined : notedStorage,
      key: deviceKey('cache'),
      serialize,
    }),
    maxAge: MAX_AGE_MS,
    buster: BUSTER,
    dehydrateOptions,
  };
}

/**
 * Writes the cache at once, in the persister's format. The persister writes at most once a second; a page that
 * goes away sooner than that (a reload right after an action, or after the first load) would otherwise come back
 * to an older list, or none.
 */
export function saveCacheNow(queryClient: QueryClient) {
  try {
    notedStorage.setItem(
      deviceKey('cache'),
      serialize({
        buster: BUSTER,
        timestamp: Date.now(),
        clientState: dehydrate(queryClient, dehydrateOptions),
      }),
    );
  } catch {
    // Storage full or unavailable: the throttled writes keep what they can.
  }
}

/**
 * Saves the cache whenever the page is hidden or goes away, unless nothing in it has changed since it was last
 * written (the persister's last write, or hiding just before going away): serializing it again is work on the
 * path of the next page's navigation (a reload's old page runs this before the new one starts). When it saves, it
 * also asks the service worker for a new copy of the Inbox page, so that the next visit's first rows are these.
 */
export function saveCacheOnLeave(queryClient: QueryClient) {
  if (typeof window === 'undefined') return;
  queryClient.getQueryCache().subscribe(() => {
    lastSaved.changedAt = performance.now();
  });
  const save = () => {
    if (lastSaved.at > lastSaved.changedAt) return;
    saveCacheNow(queryClient);
    // The page the next visit paints first, with the lists as they are now (if the server has every action).
    if (settled(queryClient)) void refreshCachedPage();
  };
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
}

/**
 * The service worker's copy of the Inbox page paints a second visit's first rows (public/sw.js): it never shows
 * what this person just changed as it was before. An action drops the copy at once (a reload meanwhile asks the
 * server for the page; bulk actions drop it too, src/features/inbox/bulk/bulk-actions.ts); 3 s after the last
 * action is settled (none pending here, nothing in the outbox), a new one is asked for, from the
 * server, which has them all. In personal and team mode that is one request to Productive per burst of actions.
 */
const COPY_AFTER_MS = 3000;

/** No action on its way: none of this tab's, nothing in the outbox (another tab's, a held read, a bulk action). */
const settled = (queryClient: QueryClient) => queryClient.isMutating() === 0 && !hasWaiting();

export function keepPageCopy(queryClient: QueryClient) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'added' && event.type !== 'updated') return;
    if (event.type === 'added') void dropPageCopy();
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (settled(queryClient)) void refreshCachedPage();
    }, COPY_AFTER_MS);
  });
}

/**
 * Puts the saved lists into the cache at once, before the first render and before the route's loader asks for
 * them: a second visit paints its rows from them in its first frame (the persister's own restore, which runs after
 * the first render, then finds nothing newer). Anything unreadable, too old or of another format is left alone.
 */
export function restoreCacheNow(queryClient: QueryClient) {
  try {
    const saved = deviceStorage.getItem(deviceKey('cache'));
    if (!saved) return;
    const { buster, timestamp, clientState } = JSON.parse(saved) as {
      buster?: unknown;
      timestamp?: unknown;
      clientState?: Parameters<typeof hydrate>[1];
    };
    if (buster !== BUSTER || typeof timestamp !== 'number' || !clientState) return;
    if (Date.now() - timestamp > MAX_AGE_MS) return;
    hydrate(queryClient, clientState);
  } catch {
    // Unreadable: the persister's restore decides what to do with it.
  }
}
