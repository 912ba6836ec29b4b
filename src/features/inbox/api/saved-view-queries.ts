import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { formatCount } from '../../../lib/formats.ts';
import { replicaQueries } from '../../../replica/queries.ts';
import {
  createSavedView,
  deleteSavedView,
  getSavedViews,
  SAVED_VIEW_LIST_KEY,
  updateSavedView,
  type SavedView,
} from '../../../api/saved-views.ts';
import { useIsToastShown, useToast } from '../../../components/toasts.tsx';
import { INBOX_VIEW_PATHS, OPEN_PARAM } from '../../../lib/addresses.ts';
import { parseFilters, toNotificationQuery, VIEW_NAMES, type ViewName } from '../model/filters.ts';
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

/** The view and the list query a saved view's address opens (null: not an inbox view; "read only": no unread). */
function savedViewQuery(address: string): { query: NotificationQuery; search: string } | null {
  const view = viewOfAddress(address);
  if (!view) return null;
  const { filters } = parseFilters(new URLSearchParams(address.split('?')[1] ?? ''));
  if (filters.read === 'read') return null;
  return { query: toNotificationQuery(view, filters), search: filters.search };
}

/**
 * A saved view's live unread count ("12"; null while the first sync runs or for a view that holds none by
 * definition), exact, from the replica on the device: no request of its own (docs/decisions/016, 018), and
 * counted again whenever the replica changes (an action here, the sync's news).
 */
export function useViewUnreadCount(address: string): string | null {
  const parsed = savedViewQuery(address);
  const { data } = useQuery({
    ...replicaQueries.unread(parsed?.query ?? {}, parsed?.search ?? ''),
    enabled: parsed !== null,
  });
  if (parsed === null) return '0';
  return data === undefined || data === null ? null : formatCount(data);
}

export function useSavedViews() {
  return useQuery(savedViewQueries.list());
}

const byPosition = (views: SavedView[]) => views.map((view, position) => ({ ...view, position }));

/** The deletes the shown toast's Undo brings back (one toast for deletes in quick succession). */
let lastDeletes: {
  toast: number;
  deletes: { view: SavedView; index: number; deleting: Promise<void> }[];
} | null = null;

/**
 * Saving, renaming, moving and deleting saved views: each shown at once, sent to the server, put back with the
 * reason if the server refuses.
 */
export function useSavedViewActions() {
  const queryClient = useQueryClient();
  const showToast = useToast();
  const isToastShown = useIsToastShown();
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
    /**
     * Deletes a view, with an Undo that saves it again in its place (a new id; the same name, address, place).
     * Deletes in quick succession (a second click landing on the next view's Delete as the list closes up) share
     * one toast, whose Undo brings them all back.
     */
    remove: (id: string) => {
      const before = queryClient.getQueryData(key) ?? [];
      const index = before.findIndex((view) => view.id === id);
      const view = before[index];
      optimistic((views) => views.filter((each) => each.id !== id));
      const deleting = deleteSavedView(id);
      send(() => deleting);
      if (!view) return;
      const earlier = lastDeletes && isToastShown(lastDeletes.toast) ? lastDeletes.deletes : [];
      const deletes = [...earlier, { view, index, deleting }];
      const toast = showToast({
        tone: 'info',
        message:
          deletes.length === 1
            ? `Deleted the view “${view.name}”`
            : `Deleted ${deletes.length} views`,
        action: {
          label: 'Undo',
          run: () => {
            lastDeletes = null;
            // The last deleted first, each into the list as it was when it went.
            const undone = deletes.toReversed();
            optimistic((views) =>
              undone.reduce((list, each) => list.toSpliced(each.index, 0, each.view), views),
            );
            send(async () => {
              for (const each of undone) {
                // Once its delete is done (a full list must not refuse it coming back).
                await each.deleting.catch(() => {});
                const saved = await createSavedView({
                  name: each.view.name,
                  address: each.view.address,
                });
                // Its new id at once: a rename or move before the list is asked for again goes to it.
                queryClient.setQueryData(key, (views) =>
                  views?.map((one) => (one.id === each.view.id ? { ...one, id: saved.id } : one)),
                );
                await updateSavedView(saved.id, { position: each.index });
              }
            });
          },
        },
      });
      lastDeletes = { toast, deletes };
    },
  };
}
