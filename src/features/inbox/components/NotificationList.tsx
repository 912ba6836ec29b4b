import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  Notification,
  NotificationAction,
  NotificationQuery,
} from '../../../api/notifications.ts';
import { Icon } from '../../../components/icons.tsx';
import { lazyPage } from '../../../components/LazyPage.tsx';
import {
  EmptyState,
  ErrorState,
  ListSkeleton,
  LoadMoreButton,
} from '../../../components/ListStates.tsx';
import { useToast } from '../../../components/toasts.tsx';
import {
  notificationTargetAddress,
  openedFromList,
  returnedToRow,
} from '../../../lib/addresses.ts';
import { useLocation, useNavigate } from '../../../lib/router.tsx';
import { useKeepInPlace } from '../../../lib/use-keep-in-place.ts';
import { prefetchNotificationDetail } from '../../activity/index.ts';
import { useLiveCount } from '../api/use-live-count.ts';
import { useNotificationList } from '../api/use-notification-list.ts';
import { usePendingIds } from '../api/use-pending-ids.ts';
import { useSelectAllMatching } from '../api/use-select-all-matching.ts';
import { useTriage } from '../api/use-triage.ts';
import type { ReadState, ViewName } from '../model/filters.ts';
import { actionTargets } from '../model/selection.ts';
import { titleText } from '../model/title-markup.ts';
import { useListSelection } from '../model/use-list-selection.ts';
import { neighborAfterLeaving, stepFrom } from '../pane/neighbor.ts';
import { usePaneSettings } from '../pane/pane-settings.ts';
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

const rowElement = (id: string) =>
  document.querySelector(`[data-notification-id="${CSS.escape(id)}"]`);

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
  const [paneSettings] = usePaneSettings();
  const { list, loaded, visible, items, ids, byId, totalCount, sentinel, loadNext } =
    useNotificationList(query, read, pane.openId);
  const { data, status, error, refetch, hasNextPage, isFetchingNextPage } = list;
  const { newCount, showNew } = useLiveCount(query, loaded, status === 'success');
  const pending = usePendingIds();
  const showToast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { state: locationState } = useLocation();
  // Back from a notification's page, or with the pane open, that row is the current row.
  const { selection, focusNonce, focusRow, move, onToggle, onFocusRow, dispatch } =
    useListSelection(ids, pane.openId ?? returnedToRow(locationState));
  // Back and forward move the pane: its notification is the current row.
  useEffect(() => {
    if (pane.openId) dispatch({ type: 'focus', id: pane.openId });
  }, [pane.openId, dispatch]);
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

  // Read state of rows selected through "Select all N matching" that are not loaded: the read button counts, and
  // sends, only the unread ones.
  const [matchingRead, setMatchingRead] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isRead = useCallback(
    (id: string) => byId.get(id)?.read ?? matchingRead.get(id) ?? false,
    [byId, matchingRead],
  );

  const act = useCallback(
    (targets: string[], action: NotificationAction) => {
      const wanted = targets.filter((id) => !(action === 'read' && isRead(id)));
      if (wanted.length === 0) {
        // Said, not silently ignored: the key did nothing because there is nothing to change.
        if (targets.length > 0)
          showToast({
            tone: 'info',
            message: targets.length === 1 ? 'Already read' : `All ${targets.length} already read`,
          });
        return;
      }
      const only = wanted.length === 1 ? byId.get(wanted[0] as string) : undefined;
      triage.act(wanted, action, only ? titleText(only.targetTitle || only.title) : undefined);
      if (selection.selected.size > 0) dispatch({ type: 'clear' });
    },
    [byId, isRead, triage, selection.selected.size, showToast, dispatch],
  );

  const keepInPlace = useKeepInPlace();
  const closePane = () => {
    if (!pane.openId) return;
    const openId = pane.openId;
    keepInPlace(() => rowElement(openId));
    focusRow(openId);
    pane.close();
  };

  /** Opens a notification: beside the list from 1024 px, else on its own page. Opening marks it read. */
  const open = useCallback(
    (
      notification: Notification,
      { replace = false, byKeyboard = false }: { replace?: boolean; byKeyboard?: boolean } = {},
    ) => {
      if (!notification.read) act([notification.id], 'read');
      if (pane.wide) {
        // Opening the pane narrows the list: the row stays where it was on the screen.
        if (!pane.openId) keepInPlace(() => rowElement(notification.id));
        // The row becomes the current one; the keyboard also moves focus (and the list) to it, a click does not.
        if (byKeyboard) focusRow(notification.id);
        else onFocusRow(notification.id);
        pane.show(notification.id, { replace });
      } else {
        void navigate(notificationTargetAddress(notification), {
          state: openedFromList(pane.listHref, notification.id),
        });
      }
    },
    [act, pane, focusRow, onFocusRow, navigate, keepInPlace],
  );

  /** The pane moves to the row `delta` away (j/k, Previous/Next). */
  const step = (delta: 1 | -1) => {
    const next = stepFrom(ids, pane.openId ?? selection.focusedId, delta);
    const notification = next ? byId.get(next) : undefined;
    if (notification) open(notification, { replace: true, byKeyboard: true });
  };

  /** An action that takes rows out of this list; with the pane open on one of them, the pane moves on. */
  const leave = (targets: string[], action: NotificationAction) => {
    const openId = pane.openId;
    const next =
      openId && targets.includes(openId)
        ? neighborAfterLeaving(ids, openId, new Set(targets), paneSettings.afterDismiss)
        : null;
    act(targets, action);
    if (!openId || !targets.includes(openId)) return;
    const notification = next ? byId.get(next) : undefined;
    if (notification) open(notification, { replace: true, byKeyboard: true });
    else closePane();
  };

  // Row callbacks stay the same function across list changes (they read the latest when called), so that an
  // action re-renders only the rows it changes, not every row on screen.
  const latest = useRef({ act, open });
  useLayoutEffect(() => {
    latest.current = { act, open };
  });
  const onRowAction = useCallback(
    (notification: Notification, action: NotificationAction) =>
      latest.current.act([notification.id], action),
    [],
  );
  const onRowOpen = useCallback(
    (notification: Notification) => latest.current.open(notification),
    [],
  );

  // The next and previous notifications' detail is loaded ahead, so j and k show it from cache.
  const openIndex = pane.openId ? ids.indexOf(pane.openId) : -1;
  const previousOpen = openIndex > 0 ? byId.get(ids[openIndex - 1] as string) : undefined;
  const nextOpen = openIndex >= 0 ? byId.get(ids[openIndex + 1] as string) : undefined;
  useEffect(() => {
    for (const neighbor of [nextOpen, previousOpen])
      if (neighbor) void prefetchNotificationDetail(queryClient, neighbor);
  }, [nextOpen, previousOpen, queryClient]);

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
            />
          )}
        />
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
          listReady={status === 'success'}
          hasPrevious={openIndex > 0 || (openIndex === -1 && ids.length > 0)}
          hasNext={openIndex === -1 ? ids.length > 0 : openIndex < ids.length - 1}
          onStep={step}
          onClose={closePane}
          onLeave={(action) => pane.openId && leave([pane.openId], action)}
          inDismissedView={view === 'dismissed'}
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
