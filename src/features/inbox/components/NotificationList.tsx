import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/ListStates.tsx';
import { returnedToRow } from '../../../lib/addresses.ts';
import { useLocation, useNavigate } from 'react-router';
import { keptListKey, useKeptRows } from '../api/kept-rows.ts';
import { useLazyInboxActions } from '../api/use-lazy-inbox-actions.tsx';
import { useInboxCounts } from '../api/use-inbox-counts.ts';
import { useNotificationList } from '../api/use-notification-list.ts';
import { usePendingIds } from '../api/use-pending-ids.ts';
import { useMatchingSelection } from '../api/use-select-all-matching.ts';
import { releaseFirstPaint } from '../../../lib/first-paint.ts';
import {
  NO_FILTERS,
  toNotificationQuery,
  type Grouping,
  type ReadState,
  type ViewName,
} from '../model/filters.ts';
import { SearchTermsContext } from '../../../components/Highlighted.tsx';
import { recentDismissedSince } from '../../../replica/sync-window.ts';
import { useListSelection } from '../model/use-list-selection.ts';
import { lazyPage } from '../../../components/LazyPage.tsx';
import { usePaneNavigation } from '../pane/use-pane-navigation.ts';
import { useReadingPane } from '../pane/use-reading-pane.ts';
import { GroupHeader } from './GroupHeader.tsx';
import { useProjectsLearned } from '../api/use-projects-learned.ts';
import { ListFooter, ListHeader, listCount } from './ListHeader.tsx';
import { NotificationRow, RowHandlersContext } from './NotificationRow.tsx';
import { LazySelectionBar } from './LazySelectionBar.tsx';
import { LazyListShortcuts } from './LazyListShortcuts.tsx';
import { useSnoozeRequest } from './use-snooze-request.ts';
import { SAVED_VIEW_LIST_KEY, type SavedView } from '../../../api/saved-views.ts';
import { VirtualFeed } from './VirtualFeed.tsx';
import { useAllProjects } from '../api/use-projects.ts';
import { placeOf } from '../model/place.ts';

// The help dialog is not part of the first screen: it downloads when first opened.
const ShortcutHelp = lazy(() =>
  import('./ShortcutHelp.tsx').then((module) => ({ default: module.ShortcutHelp })),
);

// The reading pane beside the list is not part of the first screen either: its code (with the pane's own, in
// parallel) downloads when a notification is first opened beside it.
const PaneBeside = lazyPage(
  () =>
    Promise.all([import('../pane/PaneBeside.tsx'), import('../pane/ReadingPane.tsx')]).then(
      ([module]) => module.PaneBeside,
    ),
  { part: true, fallback: null },
);

const EMPTY_HINT: Record<ViewName, string> = {
  inbox: 'New notifications show here as they come; what you dismiss waits under Dismissed.',
  important: 'Notifications Productive marks important show here.',
  mentions: 'Notifications where someone mentions you show here.',
  dismissed: 'What you dismiss waits here; Restore brings it back to the Inbox.',
};

/** What to do about an empty list: other words, wider filters, or what will show here. */
function emptyHint(
  view: ViewName,
  query: NotificationQuery,
  read: ReadState | null,
  search: string,
): string {
  if (search.trim())
    return 'Search finds every word in the sender, title, project or excerpt of this view’s notifications. Try fewer or other words, or press Esc to clear it.';
  const filtered =
    read !== null ||
    JSON.stringify(query) !== JSON.stringify(toNotificationQuery(view, NO_FILTERS));
  return filtered ? 'Remove a filter above, or clear them all, to see more.' : EMPTY_HINT[view];
}

interface Props {
  view: ViewName;
  query: NotificationQuery;
  read: ReadState | null;
  /** The search box's words (filtering the view as typed). */
  search: string;
  group: Grouping;
  emptyTitle: string;
  /** Where "g i" goes: the Inbox view with the current filters. */
  inboxViewHref: string;
}

/**
 * One inbox view's list and, from 1024 px, the reading pane beside it: a thin view over the list's data, its
 * live count, the selection, the row actions, the pane's address and the keyboard, each a hook of its own.
 */
export function NotificationList({
  view,
  query,
  read,
  search,
  group,
  emptyTitle,
  inboxViewHref,
}: Props) {
  const pane = useReadingPane(view);
  useProjectsLearned(group === 'project', query.dismissed ?? false);
  const { state: locationState } = useLocation();
  // Read ones opened from here stay while the view is not left (kept-rows.ts); so does the one come back to.
  const kept = useKeptRows(keptListKey(view, query, read), [
    pane.openId,
    read ? returnedToRow(locationState) : null,
  ]);
  const notificationList = useNotificationList(query, read, kept, search, group);
  const { list, visible, items, ids, byId, backIds, totalCount, terms, toggleGroup } =
    notificationList;
  const snoozeRequest = useSnoozeRequest();
  const { data, status, error, refetch, hasNextPage, isFetchingNextPage } = list;
  // A count only once it is the whole view's: not during the first sync, nor from the last visit's first screen.
  const syncing =
    useInboxCounts()?.syncing ?? (totalCount === null ? { loaded: 0, total: null } : null);
  const pending = usePendingIds();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Back from a notification's page, or with the pane open, that row is the current row.
  const listSelection = useListSelection(ids, pane.openId ?? returnedToRow(locationState));
  const { selection, focusNonce, focusRow, onToggle, onFocusRow, dispatch } = listSelection;
  const [helpOpen, setHelpOpen] = useState(false);
  const [stickyDay, setStickyDay] = useState<string | null>(null);
  // "Select all matching" asks the server for what this view lists: the dismissed ones the replica holds (30 days).
  const [recentSince] = useState(recentDismissedSince);
  const matchingQuery = useMemo(
    () =>
      query.dismissed && !(query.after && query.after > recentSince)
        ? { ...query, after: recentSince }
        : query,
    [query, recentSince],
  );
  const matching = useMatchingSelection(matchingQuery, byId, dispatch);
  // An action clears the selection it used; an undo puts focus back on the row it brought back.
  const afterAction = selection.selected.size > 0 ? matching.clear : undefined;
  // What an undo brought back becomes the current row; with the pane open, the pane stays where it is and so does
  // the current row (the open one), so that the next `e` acts on what is shown (fresh-eyes finding).
  const paneOpenId = pane.openId;
  const focusUndone = useCallback(
    (id: string) => focusRow(paneOpenId ?? id),
    [paneOpenId, focusRow],
  );
  const { actions, engine } = useLazyInboxActions({
    byId,
    isRead: matching.isRead,
    afterAction,
    focusRow: focusUndone,
  });
  const paneNavigation = usePaneNavigation({ pane, ids, byId, actions, listSelection });
  const inDismissedView = view === 'dismissed';
  const { projects } = useAllProjects(false);
  const projectNames = useMemo(
    () => new Map(projects.map((project) => [project.id, project.name])),
    [projects],
  );
  const dayHeadings = group === 'day';
  const rowHandlers = useMemo(
    () => ({
      actions,
      onOpen: paneNavigation.openRow,
      onToggle,
      onFocusRow,
      inDismissedView,
      dayHeadings,
    }),
    [actions, paneNavigation.openRow, onToggle, onFocusRow, inDismissedView, dayHeadings],
  );

  const shortcuts = (
    <LazyListShortcuts
      view={view}
      ids={ids}
      byId={byId}
      listSelection={listSelection}
      pane={paneNavigation}
      actions={actions}
      matching={matching}
      openSnoozeMenu={snoozeRequest.open}
      goInbox={() => void navigate(inboxViewHref)}
      // The list as the sidebar keeps it (its code is the sidebar's lazy chunk).
      goSavedView={(index) => {
        const saved = queryClient.getQueryData<SavedView[]>(SAVED_VIEW_LIST_KEY)?.[index];
        if (saved) void navigate(saved.address);
      }}
      help={() => setHelpOpen(true)}
    />
  );

  // The page's own first rows (if it carries them) give way to these, or to this list's error, in this frame.
  const shown = status !== 'pending';
  useLayoutEffect(() => {
    if (shown) releaseFirstPaint();
  }, [shown]);

  if (status === 'pending')
    return (
      <>
        {shortcuts}
        {engine}
        <ListSkeleton label="Loading notifications…" />
      </>
    );
  if (status === 'error' && !data)
    return (
      <>
        {shortcuts}
        {engine}
        <ErrorState
          title="Could not load notifications"
          message={error.message}
          onRetry={() => void refetch()}
        />
      </>
    );

  const selected = [...selection.selected];
  const tabbableId =
    selection.focusedId && byId.has(selection.focusedId) ? selection.focusedId : ids[0];
  return (
    <div className="flex items-start">
      {shortcuts}
      {engine}
      <div className="min-w-0 flex-1">
        <ListHeader
          read={read}
          {...listCount(visible.length, hasNextPage, totalCount, search)}
          syncing={syncing}
          onHelp={() => setHelpOpen(true)}
        />
        {visible.length > 0 && (
          <LazySelectionBar
            day={stickyDay}
            selected={selected}
            actions={actions}
            unreadSelectedCount={selected.filter((id) => !matching.isRead(id)).length}
            loadedCount={visible.length}
            totalCount={visible.length}
            inDismissedView={inDismissedView}
            allLoadedSelected={visible.length > 0 && ids.every((id) => selection.selected.has(id))}
            onSelectAllLoaded={() => dispatch({ type: 'selectAll', ids })}
            onSelectAllMatching={read ? null : () => void matching.select()}
            matchingProgress={matching.progress}
            onClear={matching.clear}
            wholeInbox={view === 'inbox' && matching.isWholeInbox(selected.length)}
            snoozeRequest={snoozeRequest.requestFor('selection')}
          />
        )}
        {visible.length === 0 && !hasNextPage && !syncing && (
          <EmptyState title={emptyTitle}>{emptyHint(view, query, read, search)}</EmptyState>
        )}
        <SearchTermsContext value={terms}>
          <RowHandlersContext value={rowHandlers}>
            <VirtualFeed
              items={items}
              busy={isFetchingNextPage}
              focusedId={selection.focusedId}
              focusNonce={focusNonce}
              onStickyDayChange={setStickyDay}
              renderHeader={(item) => (
                <GroupHeader
                  item={item}
                  unread={(item.ids ?? []).filter((id) => byId.get(id)?.read === false).length}
                  inDismissedView={inDismissedView}
                  onToggle={toggleGroup}
                  onReadAll={actions.read}
                  onDismissAll={actions.dismiss}
                />
              )}
              renderRow={({ notification, position }) => (
                <NotificationRow
                  notification={notification}
                  position={position}
                  setSize={visible.length}
                  focused={selection.focusedId === notification.id}
                  tabbable={tabbableId === notification.id}
                  selected={selection.selected.has(notification.id)}
                  pending={pending.has(notification.id)}
                  open={pane.openId === notification.id}
                  backFromSnooze={backIds.has(notification.id)}
                  snoozeRequest={snoozeRequest.requestFor(notification.id)}
                  place={placeOf(notification, (id) => projectNames.get(id))}
                />
              )}
            />
          </RowHandlersContext>
        </SearchTermsContext>
        <ListFooter list={notificationList} />
      </div>
      {pane.openId && (
        <PaneBeside
          ids={ids}
          byId={byId}
          navigation={paneNavigation}
          actions={actions}
          listReady={status === 'success'}
          inDismissedView={inDismissedView}
          snoozeRequest={snoozeRequest.requestFor('pane')}
        />
      )}
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutHelp open onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
