import { useState } from 'react';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/ListStates.tsx';
import { returnedToRow } from '../../../lib/addresses.ts';
import { useLocation } from 'react-router';
import { keptListKey, useKeptRows } from '../api/kept-rows.ts';
import { useListInboxActions } from '../api/use-list-inbox-actions.ts';
import { useListSyncing } from '../api/use-inbox-counts.ts';
import { useNotificationList } from '../api/use-notification-list.ts';
import { useViewMatching } from '../api/use-view-matching.ts';
import type { Grouping, ReadState, ViewName } from '../model/filters.ts';
import { emptyHint } from '../model/empty-hint.ts';
import { useListSelection } from '../model/use-list-selection.ts';
import { usePaneNavigation } from '../pane/use-pane-navigation.ts';
import { useReadingPane } from '../pane/use-reading-pane.ts';
import { useProjectsLearned } from '../api/use-projects-learned.ts';
import { ListFooter, ListHeader } from './ListHeader.tsx';
import { ListSelectionBar } from './ListSelectionBar.tsx';
import { NotificationFeed } from './NotificationFeed.tsx';
import { LazyListShortcuts } from './LazyListShortcuts.tsx';
import { useSnoozeRequest } from './use-snooze-request.ts';
import { PaneBeside, useReleaseFirstPaint, useShortcutHelp } from './list-parts.tsx';

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
  const { list, count, visible, items, ids, byId, backIds, totalCount, terms, toggleGroup } =
    notificationList;
  const snoozeRequest = useSnoozeRequest();
  const { data, status, error, refetch, hasNextPage, isFetchingNextPage } = list;
  const syncing = useListSyncing(totalCount);
  // Back from a notification's page, or with the pane open, that row is the current row.
  const listSelection = useListSelection(ids, pane.openId ?? returnedToRow(locationState));
  const { selection, focusNonce, focusRow, onToggle, onFocusRow, dispatch } = listSelection;
  const { openHelp, help } = useShortcutHelp();
  const [stickyDay, setStickyDay] = useState<string | null>(null);
  // "Select all matching" asks the server for what this view lists.
  const matching = useViewMatching(query, byId, dispatch);
  const { actions, engine } = useListInboxActions({
    byId,
    isRead: matching.isRead,
    clearSelection: selection.selected.size > 0 ? matching.clear : undefined,
    openId: pane.openId,
    focusRow,
  });
  const paneNavigation = usePaneNavigation({ pane, ids, byId, actions, listSelection });
  const inDismissedView = view === 'dismissed';

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
      inboxViewHref={inboxViewHref}
      help={openHelp}
    />
  );

  useReleaseFirstPaint(status !== 'pending');

  const failed = status === 'error' && !data;
  if (status === 'pending' || failed)
    return (
      <>
        {shortcuts}
        {engine}
        {failed ? (
          <ErrorState
            title="Could not load notifications"
            message={error.message}
            onRetry={() => void refetch()}
          />
        ) : (
          <ListSkeleton label="Loading notifications…" />
        )}
      </>
    );

  return (
    <div className="flex items-start">
      {shortcuts}
      {engine}
      <div className="min-w-0 flex-1">
        <ListHeader read={read} {...count} syncing={syncing} onHelp={openHelp} />
        {visible.length > 0 && (
          <ListSelectionBar
            view={view}
            read={read}
            ids={ids}
            listed={visible.length}
            selection={selection}
            dispatch={dispatch}
            matching={matching}
            actions={actions}
            day={stickyDay}
            snoozeRequest={snoozeRequest.requestFor('selection')}
          />
        )}
        {visible.length === 0 && !hasNextPage && !syncing && (
          <EmptyState title={emptyTitle}>{emptyHint(view, query, read, search)}</EmptyState>
        )}
        <NotificationFeed
          items={items}
          ids={ids}
          byId={byId}
          terms={terms}
          backIds={backIds}
          actions={actions}
          onOpen={paneNavigation.openRow}
          onToggle={onToggle}
          onFocusRow={onFocusRow}
          inDismissedView={inDismissedView}
          dayHeadings={group === 'day'}
          selection={selection}
          focusNonce={focusNonce}
          setSize={visible.length}
          openId={pane.openId}
          busy={isFetchingNextPage}
          toggleGroup={toggleGroup}
          onStickyDayChange={setStickyDay}
          snoozeRequestFor={snoozeRequest.requestFor}
        />
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
      {help}
    </div>
  );
}
