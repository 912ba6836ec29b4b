import { queryOptions, useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getNotifications } from '../../../api/notifications.ts';
import {
  createSavedView,
  deleteSavedView,
  getSavedViews,
  SAVED_VIEW_LIST_KEY,
  updateSavedView,
  type SavedView,
} from '../../../api/saved-views.ts';
import { useToast } from '../../../components/toasts.tsx';
import { INBOX_VIEW_PATHS, OPEN_PARAM } from '../../../lib/addresses.ts';
import { parseFilters, toNotificationQuery, VIEW_NAMES, type ViewName } from '../model/filters.ts';
/**
 * use-notification-action.ts's mutation key (`[...notificationQueries.all(), 'action']`), written out here so that
 * the saved views' chunk imports neither module (both are the inbox page's, loaded first).
 */
const notificationActionKey = ['notifications', 'action'] as const;

/** Query keys and options for the person's saved views (server/inbox, per scope), general to specific. */
export const savedViewQueries = {
  all: () => ['saved-views'] as const,
  list: () =>
    queryOptions({
      queryKey: SAVED_VIEW_LIST_KEY,
      queryFn: () => getSavedViews(),
      staleTime: 30_000,
      refetchInterval: 60_000,
    }),
  unreadCount: (address: string) =>
    queryOptions({
      queryKey: [...savedViewQueries.all(), 'unread', address] as const,
      queryFn: ({ signal }) => countUnread(address, signal),
      staleTime: 20_000,
      refetchInterval: 60_000,
    }),
};

/** The address a saved view keeps: what the address bar holds, without the notification open beside the list. */
export function savedAddressOf(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(OPEN_PARAM);
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}

/** Which inbox view an address opens (null: not an inbox view's address). */
export function viewOfAddress(address: string): ViewName | null {
  const path = address.split('?')[0] ?? '';
  return VIEW_NAMES.find((view) => INBOX_VIEW_PATHS[view] === path) ?? null;
}

/** Pages of the largest size Productive sends, and how many of them a count reads before it says "N+". */
const COUNT_PAGE_SIZE = 200;
const COUNT_MAX_PAGES = 10;

/**
 * How many unread notifications a saved view's address holds, asked of the API (which cannot filter by read
 * state: its pages are read through and counted). `more`: there were more than COUNT_MAX_PAGES pages.
 */
export async function countUnread(
  address: string,
  signal?: AbortSignal,
): Promise<{ unread: number; more: boolean }> {
  const view = viewOfAddress(address);
  if (!view) return { unread: 0, more: false };
  const { filters } = parseFilters(new URLSearchParams(address.split('?')[1] ?? ''));
  if (filters.read === 'read') return { unread: 0, more: false };
  const query = toNotificationQuery(view, filters);
  let unread = 0;
  for (let page = 1; page <= COUNT_MAX_PAGES; page++) {
    const result = await getNotifications(query, page, signal, COUNT_PAGE_SIZE);
    unread += result.notifications.filter((notification) => !notification.read).length;
    if (!result.hasNextPage) return { unread, more: false };
  }
  return { unread, more: true };
}

/**
 * A saved view's live unread count, as a label ("12", "2000+"; null while unknown or on a failure). Asks the API
 * today; the local replica may answer it later behind the same hook. Counted again after every burst of actions.
 */
export function useViewUnreadCount(address: string): string | null {
  const queryClient = useQueryClient();
  const { data } = useQuery(savedViewQueries.unreadCount(address));
  const acting = useIsMutating({ mutationKey: notificationActionKey }) > 0;
  const wasActing = useRef(acting);
  useEffect(() => {
    if (wasActing.current && !acting) {
      void queryClient.invalidateQueries({ queryKey: [...savedViewQueries.all(), 'unread'] });
    }
    wasActing.current = acting;
  }, [acting, queryClient]);
  if (!data) return null;
  return `${data.unread}${data.more ? '+' : ''}`;
}

export function useSavedViews() {
  return useQuery(savedViewQueries.list());
}

const byPosition = (views: SavedView[]) => views.map((view, position) => ({ ...view, position }));

/**
 * Saving, renaming, moving and deleting saved views: each shown at once, sent to the server, put back with the
 * reason if the server refuses.
 */
export function useSavedViewActions() {
  const queryClient = useQueryClient();
  const showToast = useToast();
  const key = savedViewQueries.list().queryKey;
  /** Sends a change; a refusal is said and the list asked for again (which puts it back as the server has it). */
  const send = (run: () => Promise<unknown>) =>
    void run()
      .catch((error: unknown) =>
        showToast({
          tone: 'error',
          message: `Could not change the saved views: ${(error as Error).message}`,
        }),
      )
      .finally(() => void queryClient.invalidateQueries({ queryKey: key }));
  const optimistic = (next: (views: SavedView[]) => SavedView[]) => {
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, (views) => byPosition(next(views ?? [])));
  };
  return {
    /** Saves a view; a refusal is the caller's to say (the Save dialog shows it beside the name). */
    create: async (name: string, address: string) => {
      const view = await createSavedView({ name, address });
      queryClient.setQueryData(key, (views) => [...(views ?? []), view]);
      return view;
    },
    rename: (id: string, name: string) => {
      optimistic((views) => views.map((view) => (view.id === id ? { ...view, name } : view)));
      send(() => updateSavedView(id, { name }));
    },
    move: (id: string, position: number) => {
      optimistic((views) => {
        const moving = views.find((view) => view.id === id);
        if (!moving) return views;
        const rest = views.filter((view) => view.id !== id);
        rest.splice(Math.max(0, Math.min(position, rest.length)), 0, moving);
        return rest;
      });
      send(() => updateSavedView(id, { position }));
    },
    remove: (id: string) => {
      optimistic((views) => views.filter((view) => view.id !== id));
      send(() => deleteSavedView(id));
    },
  };
}
