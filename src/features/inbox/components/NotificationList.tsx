import { useInfiniteQuery, useMutationState, useQueryClient } from '@tanstack/react-query';
import { Icon } from '../../../components/icons.tsx';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useLocation, useNavigate } from '../../../lib/router.tsx';
import {
  getNotifications,
  type Notification,
  type NotificationQuery,
} from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import { useLoadMore } from '../../../lib/use-load-more.ts';
import { notificationQueries } from '../api/notification-queries.ts';
import { useNewNotifications } from '../api/use-new-notifications.ts';
import {
  notificationActionKey,
  type NotificationActionVariables,
} from '../api/use-notification-action.ts';
import { useTriage } from '../api/use-triage.ts';
import { useSnoozedRows } from '../api/use-snoozed-rows.ts';
import type { InboxAction } from '../model/inbox-actions.ts';
import { useSnoozeRequest } from './use-snooze-request.ts';
import type { ReadState, ViewName } from '../model/filters.ts';
import { actionTargets, EMPTY_SELECTION, selectionReducer } from '../model/selection.ts';
import { titleText } from '../model/title-markup.ts';
import {
  EmptyState,
  ErrorState,
  ListSkeleton,
  LoadMoreButton,
} from '../../../components/ListStates.tsx';
import { NotificationRow, targetHref } from './NotificationRow.tsx';
import { VirtualFeed } from './VirtualFeed.tsx';
import { withDayHeaders } from '../model/day-groups.ts';
import { SelectionBar } from './SelectionBar.tsx';
import { useInboxShortcuts } from './use-inbox-shortcuts.ts';

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

/** How many rows "unread only" wants on screen before it stops paging through on its own. */
const READ_FILTER_TARGET = 20;
const READ_FILTER_MAX_PAGES = 10;

export function NotificationList({ view, query, read, emptyTitle, inboxViewHref }: Props) {
  const list = useInfiniteQuery(notificationQueries.list(query));
  const { data, status, error, refetch, hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const showToast = useToast();
  const navigate = useNavigate();
  const { pathname, search, state } = useLocation();
  const inboxHref = `${pathname}${search}`;
  // Back from a feed, the row that was opened is the current row again (and gets focus once it is shown).
  const returnedTo = (state as { focusNotification?: unknown } | null)?.focusNotification;
  const [selection, dispatch] = useReducer(selectionReducer, returnedTo, (id) =>
    typeof id === 'string' ? { ...EMPTY_SELECTION, focusedId: id } : EMPTY_SELECTION,
  );
  const [helpOpen, setHelpOpen] = useState(false);
  const [stickyDay, setStickyDay] = useState<string | null>(null);
  const [focusNonce, setFocusNonce] = useState(0);
  // After an undo, focus goes back to the row it acted on (never left on the page body by a vanished toast).
  const triage = useTriage({
    onUndone: useCallback((undoneIds: string[]) => {
      const [first] = undoneIds;
      if (!first) return;
      dispatch({ type: 'focus', id: first });
      setFocusNonce((nonce) => nonce + 1);
    }, []),
  });

  const loaded = useMemo(() => data?.pages.flatMap((page) => page.notifications) ?? [], [data]);
  const snoozed = useSnoozedRows(query, loaded);
  const snoozeRequest = useSnoozeRequest();
  const visible = useMemo(
    () =>
      read
        ? snoozed.rows.filter((notification) => notification.read === (read === 'read'))
        : snoozed.rows,
    [snoozed.rows, read],
  );
  const items = useMemo(
    () => withDayHeaders(visible, undefined, snoozed.backIds),
    [visible, snoozed.backIds],
  );
  const ids = useMemo(() => visible.map((notification) => notification.id), [visible]);
  const byId = useMemo(
    () => new Map(visible.map((notification) => [notification.id, notification])),
    [visible],
  );
  const totalCount = data?.pages[0]?.totalCount ?? null;
  // Actions waiting for the network (offline) mark their rows as pending.
  const pausedIds = useMutationState({
    filters: { mutationKey: notificationActionKey, status: 'pending' },
    // Waiting for the network, or retrying after a lost connection or a request that never answered.
    select: (mutation) =>
      mutation.state.isPaused || mutation.state.failureCount > 0
        ? ((mutation.state.variables as NotificationActionVariables | undefined)?.ids ?? [])
        : [],
  });
  const pending = useMemo(() => new Set(pausedIds.flat()), [pausedIds]);

  // Live updates: new items never shift the list under the user. At the top they show at once; further down a
  // pill offers them.
  const queryClient = useQueryClient();
  // The newest time ever held for this list: it only moves forward, so rows leaving the top are never "new".
  const [newestSeen, setNewestSeen] = useState<{ key: string; at: string } | null>(null);
  const listKey = JSON.stringify(query);
  const top = loaded[0]?.lastActionAt ?? new Date(0).toISOString();
  if (status === 'success' && (newestSeen?.key !== listKey || top > newestSeen.at)) {
    setNewestSeen({ key: listKey, at: top });
  }
  const newestHeld = newestSeen?.key === listKey ? newestSeen.at : null;
  const { data: newCount = 0 } = useNewNotifications(query, newestHeld);
  const showNew = useCallback(() => {
    window.scrollTo({ top: 0 });
    void queryClient.invalidateQueries({ queryKey: notificationQueries.list(query).queryKey });
  }, [queryClient, query]);
  useEffect(() => {
    const acting = queryClient.isMutating({ mutationKey: notificationActionKey }) > 0;
    if (newCount > 0 && window.scrollY < 100 && !acting) showNew();
  }, [newCount, showNew, queryClient]);

  // Rows that leave (dismissed, filtered) pass the focus to the next row and leave the selection.
  const previousIds = useRef(ids);
  useEffect(() => {
    if (previousIds.current === ids) return;
    dispatch({ type: 'sync', ids, previousIds: previousIds.current });
    previousIds.current = ids;
  }, [ids, selection.focusedId]);

  // Read state of rows selected through "Select all N matching" that are not loaded: the read button counts, and
  // sends, only the unread ones.
  const [matchingRead, setMatchingRead] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isRead = useCallback(
    (id: string) => byId.get(id)?.read ?? matchingRead.get(id) ?? false,
    [byId, matchingRead],
  );

  const act = useCallback(
    (targets: string[], action: InboxAction, wakeAt?: string) => {
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
      triage.act(wanted, action, only ? titleText(only.targetTitle || only.title) : undefined, {
        wakeAt,
      });
      if (selection.selected.size > 0) dispatch({ type: 'clear' });
    },
    [byId, isRead, triage, selection.selected.size, showToast],
  );

  // Row callbacks stay the same function across list changes (they read the latest list when called), so that
  // an action re-renders only the rows it changes, not every row on screen.
  const latest = useRef({ act, ids });
  useLayoutEffect(() => {
    latest.current = { act, ids };
  });
  const onRowAction = useCallback(
    (notification: Notification, action: InboxAction, wakeAt?: string) =>
      latest.current.act([notification.id], action, wakeAt),
    [],
  );
  const onToggle = useCallback(
    (id: string, range: boolean) =>
      dispatch(range ? { type: 'range', id, ids: latest.current.ids } : { type: 'toggle', id }),
    [],
  );
  const onFocusRow = useCallback((id: string) => dispatch({ type: 'focus', id }), []);

  const open = (notification: Notification) => {
    const { internal, href } = targetHref(notification);
    if (!notification.read) act([notification.id], 'read');
    if (internal) void navigate(href, { state: { from: inboxHref, opened: notification.id } });
    else window.open(href, '_blank', 'noopener,noreferrer');
  };

  const selectAllMatching = async () => {
    const all: string[] = [];
    const readById = new Map<string, boolean>();
    for (let page = 1; page <= 100; page++) {
      const result = await getNotifications(query, page, undefined, 200);
      for (const notification of result.notifications) {
        all.push(notification.id);
        readById.set(notification.id, notification.read);
      }
      if (!result.hasNextPage) break;
    }
    setMatchingRead(readById);
    dispatch({ type: 'selectAll', ids: all });
    showToast({ tone: 'info', message: `Selected all ${all.length} matching notifications` });
  };

  useInboxShortcuts({
    move: (delta) => {
      setFocusNonce((nonce) => nonce + 1);
      dispatch({ type: 'move', delta, ids });
    },
    open: () => {
      const focused = selection.focusedId ? byId.get(selection.focusedId) : undefined;
      if (focused) open(focused);
    },
    dismiss: () => view !== 'dismissed' && act(actionTargets(selection), 'dismiss'),
    restore: () => view === 'dismissed' && act(actionTargets(selection), 'undismiss'),
    read: () => act(actionTargets(selection), 'read'),
    toggle: () => selection.focusedId && dispatch({ type: 'toggle', id: selection.focusedId }),
    range: () => selection.focusedId && dispatch({ type: 'range', id: selection.focusedId, ids }),
    selectAll: () => dispatch({ type: 'selectAll', ids }),
    clear: () => dispatch({ type: 'clear' }),
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
    snooze: () =>
      view !== 'dismissed' &&
      snoozeRequest.open(selection.selected.size > 0 ? 'selection' : selection.focusedId),
  });

  const loadNext = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sentinel = useLoadMore(hasNextPage && !isFetchingNextPage, loadNext);

  // "Unread only" filters what is loaded, so it pages on until it has enough rows (or a bound).
  const loadedPages = data?.pages.length ?? 0;
  useEffect(() => {
    if (
      read &&
      hasNextPage &&
      !isFetchingNextPage &&
      visible.length < READ_FILTER_TARGET &&
      loadedPages < READ_FILTER_MAX_PAGES
    ) {
      void fetchNextPage();
    }
  }, [read, hasNextPage, isFetchingNextPage, visible.length, loadedPages, fetchNextPage]);

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
  return (
    <>
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
          unreadSelectedCount={
            [...selection.selected].filter((id) => !isRead(id)).length
          }
          loadedCount={visible.length}
          totalCount={read ? null : totalCount}
          inDismissedView={view === 'dismissed'}
          allLoadedSelected={visible.length > 0 && ids.every((id) => selection.selected.has(id))}
          onSelectAllLoaded={() => dispatch({ type: 'selectAll', ids })}
          onSelectAllMatching={read ? null : () => void selectAllMatching()}
          onClear={() => dispatch({ type: 'clear' })}
          onAction={(action) => act([...selection.selected], action)}
          onSnooze={(wakeAt) => act([...selection.selected], 'snooze', wakeAt)}
          snoozeRequest={snoozeRequest.requestFor('selection')}
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
            onToggle={onToggle}
            onFocusRow={onFocusRow}
            inDismissedView={view === 'dismissed'}
            inboxHref={inboxHref}
            onAction={onRowAction}
            backFromSnooze={snoozed.backIds.has(notification.id)}
            snoozeRequest={snoozeRequest.requestFor(notification.id)}
          />
        )}
      />
      <div ref={sentinel} />
      {isFetchingNextPage && <ListSkeleton rows={3} />}
      {hasNextPage && !isFetchingNextPage && (
        <LoadMoreButton label="Load more" onClick={loadNext} />
      )}
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutHelp open onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
