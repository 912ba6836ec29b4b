import { lazy, Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { Icon } from '../../../components/icons.tsx';
import { lazyPage } from '../../../components/LazyPage.tsx';
import { focusComposer } from '../../activity/index.ts';
import {
  EmptyState,
  ErrorState,
  ListSkeleton,
  LoadMoreButton,
  SkippedNote,
} from '../../../components/ListStates.tsx';
import { returnedToRow } from '../../../lib/addresses.ts';
import { useLocation, useNavigate } from '../../../lib/router.tsx';
import { useLiveCount } from '../api/use-live-count.ts';
import { useNotificationList } from '../api/use-notification-list.ts';
import { useListActions } from '../api/use-list-actions.ts';
import { usePendingIds } from '../api/use-pending-ids.ts';
import { useSelectAllMatching } from '../api/use-select-all-matching.ts';
import { useTriage } from '../api/use-triage.ts';
import type { InboxAction } from '../model/inbox-actions.ts';
import { SnoozeMenu } from './SnoozeMenu.tsx';
import { useSnoozeRequest } from './use-snooze-request.ts';
import type { ReadState, ViewName } from '../model/filters.ts';
import { actionTargets } from '../model/selection.ts';
import { useListSelection } from '../model/use-list-selection.ts';
import { usePaneNavigation } from '../pane/use-pane-navigation.ts';
import { useReadingPane } from '../pane/use-reading-pane.ts';
import { NotificationRow } from './NotificationRow.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { useInboxShortcuts } from './use-inbox-shortcuts.ts';
import { VirtualFeed } from './VirtualFeed.tsx';

// The reading pane is not part of the first screen: it downloads when a notification is first opened beside it.
const ReadingPane = lazyPage(
  () => import('../pane/ReadingPane.tsx').then((module) => module.ReadingPane),
  { part: true },
);

// The help dialog is not part of the first screen: it downloads when first opened.
const ShortcutHelp = lazy(() =>
  import('./ShortcutHelp.tsx').then((module) => ({ default: module.ShortcutHelp })),
);

interface Props {
  view: ViewName;
  query: NotificationQuery;
  read: ReadState | null;
  emptyTitle: string;
  /** Where "g i" goes: the Inbox view with the current filters. */
  inboxViewHref: string;
}

/**
 * One inbox view's list and, from 1024 px, the reading pane beside it: a thin view over the list's data, its
 * live count, the selection, the pane's address and the keyboard, each a hook of its own.
 */
export function NotificationList({ view, query, read, emptyTitle, inboxViewHref }: Props) {
  const pane = useReadingPane(view);
  const {
    list,
    loaded,
    visible,
    items,
    ids,
    byId,
    totalCount,
    skipped,
    backIds,
    sentinel,
    loadNext,
  } = useNotificationList(query, read, pane.openId);
  const snoozeRequest = useSnoozeRequest();
  const { data, status, error, refetch, hasNextPage, isFetchingNextPage } = list;
  const { newCount, showNew } = useLiveCount(query, loaded, status === 'success');
  const pending = usePendingIds();
  const navigate = useNavigate();
  const { state: locationState } = useLocation();
  // Back from a notification's page, or with the pane open, that row is the current row.
  const { selection, focusNonce, focusRow, move, onToggle, onFocusRow, dispatch } =
    useListSelection(ids, pane.openId ?? returnedToRow(locationState));
  const [helpOpen, setHelpOpen] = useState(false);
  const [stickyDay, setStickyDay] = useState<string | null>(null);
  // After an undo, focus goes back to the row it acted on (never left on the page body by a vanished toast).
  const triage = useTriage({
    onUndone: useCallback(
      (undoneIds: string[]) => {
        if (undoneIds[0]) focusRow(undoneIds[0]);
      },
      [focusRow],
    ),
  });

  const { act, isRead, setMatchingRead } = useListActions({
    byId,
    triage,
    anySelected: selection.selected.size > 0,
    dispatch,
  });
  const { open, step, leave, closePane, openIndex, firstUnreadOf } = usePaneNavigation({
    pane,
    ids,
    byId,
    act,
    currentId: selection.focusedId,
    focusRow,
    onFocusRow,
  });

  // Row callbacks stay the same function across list changes (they read the latest when called), so that an
  // action re-renders only the rows it changes, not every row on screen.
  // A row's dismiss, restore or snooze takes it out of the list: with the pane open on it, the pane moves on.
  const latest = useRef({ act, leave, open });
  useLayoutEffect(() => {
    latest.current = { act, leave, open };
  });
  const onRowAction = useCallback(
    (notification: Notification, action: InboxAction, wakeAt?: string) =>
      action === 'read'
        ? latest.current.act([notification.id], action)
        : latest.current.leave([notification.id], action, wakeAt),
    [],
  );
  const onRowOpen = useCallback(
    (notification: Notification) => latest.current.open(notification),
    [],
  );

  const selectAllMatching = useSelectAllMatching(query, ({ ids: all, readById }) => {
    setMatchingRead(readById);
    dispatch({ type: 'selectAll', ids: all });
  });
  const clearSelection = () => {
    selectAllMatching.cancel();
    dispatch({ type: 'clear' });
  };

  useInboxShortcuts({
    move: (delta) => (pane.openId ? step(delta > 0 ? 1 : -1) : move(delta)),
    open: () => {
      const focused = selection.focusedId ? byId.get(selection.focusedId) : undefined;
      if (focused) open(focused);
    },
    dismiss: () => view !== 'dismissed' && leave(actionTargets(selection), 'dismiss'),
    restore: () => view === 'dismissed' && leave(actionTargets(selection), 'undismiss'),
    read: () => act(actionTargets(selection), 'read'),
    toggle: () => selection.focusedId && dispatch({ type: 'toggle', id: selection.focusedId }),
    range: () => selection.focusedId && dispatch({ type: 'range', id: selection.focusedId, ids }),
    selectAll: () => dispatch({ type: 'selectAll', ids }),
    // Esc clears a selection first; then it closes the pane, focus back on the open row.
    clear: () =>
      selection.selected.size > 0 || selectAllMatching.progress ? clearSelection() : closePane(),
    // The first filter control shown: the "Filters" button on a phone, else the first control.
    focusFilters: () =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '[role="search"] button[aria-expanded], [role="search"] summary, [role="search"] select',
        ),
      ]
        .find((element) => element.offsetParent !== null)
        ?.focus(),
    goInbox: () => void navigate(inboxViewHref),
    help: () => setHelpOpen(true),
    undo: triage.undoLast,
    // With rows selected, the selection bar's menu; else the current row's (the open one, with the pane open).
    snooze: () =>
      view !== 'dismissed' &&
      snoozeRequest.open(
        selection.selected.size > 0 ? 'selection' : pane.openId ? 'pane' : selection.focusedId,
      ),
    reply: () => {
      const body = document.querySelector('[data-reading-pane-body]');
      if (pane.openId && body) focusComposer(body);
    },
    enterPane: () =>
      pane.openId && document.querySelector<HTMLElement>('[data-reading-pane-body]')?.focus(),
    leavePane: () => pane.openId && focusRow(pane.openId),
  });

  if (status === 'pending') return <ListSkeleton label="Loading notifications…" />;
  if (status === 'error' && !data)
    return (
      <ErrorState
        title="Could not load notifications"
        message={error.message}
        onRetry={() => void refetch()}
      />
    );

  const tabbableId =
    selection.focusedId && byId.has(selection.focusedId) ? selection.focusedId : ids[0];
  const openNotification = pane.openId ? byId.get(pane.openId) : undefined;
  return (
    <div className="flex items-start">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-xs text-slate-600 sm:px-4 dark:text-slate-400">
          <p data-testid="list-summary">
            {read
              ? `${visible.length} ${read} of ${loaded.length} loaded${totalCount !== null ? ` (of ${totalCount})` : ''}. The API cannot filter by read state, so this filters what is loaded.`
              : totalCount !== null
                ? `${totalCount} notification${totalCount === 1 ? '' : 's'}`
                : `${loaded.length} loaded`}
          </p>
          <button
            type="button"
            className="keyboard-hint underline underline-offset-2"
            onClick={() => setHelpOpen(true)}
          >
            Keyboard shortcuts <kbd>?</kbd>
          </button>
        </div>
        {newCount > 0 && (
          <div className="sticky top-2 z-20 flex justify-center">
            <button
              type="button"
              onClick={showNew}
              className="rounded-full bg-brand-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-brand-700"
            >
              {newCount} new notification{newCount === 1 ? '' : 's'} <Icon name="arrow-up" />
            </button>
          </div>
        )}
        {visible.length > 0 && (
          <SelectionBar
            day={stickyDay}
            selectedCount={selection.selected.size}
            unreadSelectedCount={[...selection.selected].filter((id) => !isRead(id)).length}
            loadedCount={visible.length}
            totalCount={read ? null : totalCount}
            inDismissedView={view === 'dismissed'}
            allLoadedSelected={visible.length > 0 && ids.every((id) => selection.selected.has(id))}
            onSelectAllLoaded={() => dispatch({ type: 'selectAll', ids })}
            onSelectAllMatching={read ? null : () => void selectAllMatching.select()}
            matchingProgress={selectAllMatching.progress}
            onClear={clearSelection}
            onSnooze={(wakeAt) => leave([...selection.selected], 'snooze', wakeAt)}
            snoozeRequest={snoozeRequest.requestFor('selection')}
            onAction={(action) =>
              action === 'read'
                ? act([...selection.selected], action)
                : leave([...selection.selected], action)
            }
          />
        )}
        {visible.length === 0 && !hasNextPage && <EmptyState title={emptyTitle} />}
        {visible.length === 0 && hasNextPage && !isFetchingNextPage && read && (
          <EmptyState title={`No ${read} notifications among the ${loaded.length} loaded`}>
            Scroll or load more to look further.
          </EmptyState>
        )}
        <VirtualFeed
          items={items}
          busy={isFetchingNextPage}
          focusedId={selection.focusedId}
          focusNonce={focusNonce}
          onStickyDayChange={setStickyDay}
          renderRow={({ notification, position }) => (
            <NotificationRow
              notification={notification}
              position={position}
              setSize={read ? visible.length : (totalCount ?? visible.length)}
              focused={selection.focusedId === notification.id}
              tabbable={tabbableId === notification.id}
              selected={selection.selected.has(notification.id)}
              pending={pending.has(notification.id)}
              open={pane.openId === notification.id}
              onToggle={onToggle}
              onFocusRow={onFocusRow}
              inDismissedView={view === 'dismissed'}
              onOpen={onRowOpen}
              onAction={onRowAction}
              backFromSnooze={backIds.has(notification.id)}
              snoozeRequest={snoozeRequest.requestFor(notification.id)}
            />
          )}
        />
        <SkippedNote count={skipped} noun="notification" />
        <div ref={sentinel} />
        {isFetchingNextPage && <ListSkeleton rows={3} />}
        {hasNextPage && !isFetchingNextPage && (
          <LoadMoreButton label="Load more" onClick={loadNext} />
        )}
      </div>
      {pane.openId && (
        <ReadingPane
          notificationId={pane.openId}
          notification={openNotification}
          firstUnreadActivityId={firstUnreadOf(openNotification)}
          listReady={status === 'success'}
          hasPrevious={openIndex > 0 || (openIndex === -1 && ids.length > 0)}
          hasNext={openIndex === -1 ? ids.length > 0 : openIndex < ids.length - 1}
          onStep={step}
          onClose={closePane}
          onLeave={(action) => pane.openId && leave([pane.openId], action)}
          inDismissedView={view === 'dismissed'}
          actions={
            view !== 'dismissed' &&
            openNotification && (
              <SnoozeMenu
                label="Snooze"
                onSnooze={(wakeAt) => leave([openNotification.id], 'snooze', wakeAt)}
                openRequest={snoozeRequest.requestFor('pane')}
              >
                Snooze
              </SnoozeMenu>
            )
          }
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
