import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { notificationTargetAddress, openedFromList } from '../../../lib/addresses.ts';
import { useNavigate } from 'react-router';
import { useKeepInPlace } from '../../../lib/use-keep-in-place.ts';
import { prefetchNotificationDetail } from '../../activity/index.ts';
import { acknowledgeBack, wokenAmong } from '../api/snooze-queries.ts';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import { neighborAfterLeaving, stepFrom } from './neighbor.ts';
import { readAfterDismiss } from './after-dismiss.ts';
import type { useListSelection } from '../model/use-list-selection.ts';
import type { useReadingPane } from './use-reading-pane.ts';

interface Options {
  pane: ReturnType<typeof useReadingPane>;
  /** The rows shown, in order, and by id. */
  ids: readonly string[];
  byId: ReadonlyMap<string, Notification>;
  actions: InboxActions;
  /**
   * The list's current row; `focusRow` makes a row current and moves focus to it (the keyboard), `onFocusRow` only
   * makes it current (a click).
   */
  listSelection: Pick<ReturnType<typeof useListSelection>, 'selection' | 'focusRow' | 'onFocusRow'>;
}

const rowElement = (id: string) =>
  document.querySelector(`[data-notification-id="${CSS.escape(id)}"]`);

/**
 * Opening notifications from the list: beside it from 1024 px (the reading pane's address), else on their own
 * page with the way back to the list. Opening marks read. `step` moves the pane to the next or previous row.
 * When the open row is leaving the list (dismissed, restored, snoozed, by whatever means), the pane moves on to the
 * next or previous one, as the setting says. The neighbours of the open one are prefetched, so stepping paints from cache.
 */
export function usePaneNavigation({
  pane,
  ids,
  byId,
  actions,
  listSelection: { selection, focusRow, onFocusRow },
}: Options) {
  const currentId = selection.focusedId;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const keepInPlace = useKeepInPlace();
  // Where each notification opened here was unread from: its New markers stay for this visit once it is read,
  // and a notification read before it was opened shows none.
  const [openedUnread, setOpenedUnread] = useState<ReadonlyMap<string, number | null>>(new Map());

  const closePane = useCallback(() => {
    const openId = pane.openId;
    if (!openId) return;
    // Closing widens the list: the row stays where it is on the screen, with focus.
    keepInPlace(() => rowElement(openId));
    focusRow(openId);
    pane.close();
  }, [pane, keepInPlace, focusRow]);

  const open = useCallback(
    (
      notification: Notification,
      { replace = false, byKeyboard = false }: { replace?: boolean; byKeyboard?: boolean } = {},
    ) => {
      // Back from snooze until read: one read already is read now, by opening it.
      if (notification.read)
        acknowledgeBack(queryClient, wokenAmong(queryClient, [notification.id]));
      else {
        // Opening is reading: no toast says so (`z` still undoes it).
        actions.read([notification.id], { quiet: true });
        setOpenedUnread((map) =>
          new Map(map).set(notification.id, notification.firstUnreadActivityId),
        );
      }
      if (!pane.wide) {
        navigate(notificationTargetAddress(notification), {
          state: openedFromList(pane.listHref, notification.id),
        });
        return;
      }
      // Opening the pane narrows the list: the row stays where it was on the screen.
      if (!pane.openId) keepInPlace(() => rowElement(notification.id));
      // The row becomes the current one; the keyboard also moves focus (and the list) to it, a click does not.
      if (byKeyboard) focusRow(notification.id);
      else onFocusRow(notification.id);
      pane.show(notification.id, { replace });
    },
    [actions, pane, focusRow, onFocusRow, navigate, keepInPlace, queryClient],
  );

  // The same function across renders, for the rows (a new one would re-render every row on screen).
  const latestOpen = useRef(open);
  useLayoutEffect(() => {
    latestOpen.current = open;
  });
  const openRow = useCallback((notification: Notification) => latestOpen.current(notification), []);

  const step = (delta: 1 | -1) => {
    const next = stepFrom(ids, pane.openId ?? currentId, delta);
    const notification = next ? byId.get(next) : undefined;
    if (notification) open(notification, { replace: true, byKeyboard: true });
  };

  // Rows about to leave the list: with the open one among them, the next one opens (and is marked read) first, so
  // that the action itself is the newest to undo (`e` then `z` brings back what was dismissed).
  const moveOn = (leavingIds: string[]) => {
    const openId = pane.openId;
    if (openId === null || !leavingIds.includes(openId)) return;
    const next = neighborAfterLeaving(ids, openId, new Set(leavingIds), readAfterDismiss());
    const notification = next ? byId.get(next) : undefined;
    if (notification) open(notification, { replace: true, byKeyboard: true });
    else closePane();
  };
  useLayoutEffect(() => actions.onLeaving(moveOn));

  // Back and forward move the pane: its notification is the current row.
  useEffect(() => {
    if (pane.openId) onFocusRow(pane.openId);
  }, [pane.openId, onFocusRow]);

  // The next and previous notifications' detail is loaded ahead, so j and k show it from cache.
  const openIndex = pane.openId ? ids.indexOf(pane.openId) : -1;
  const previous = openIndex > 0 ? byId.get(ids[openIndex - 1] as string) : undefined;
  const next = openIndex >= 0 ? byId.get(ids[openIndex + 1] as string) : undefined;
  useEffect(() => {
    for (const neighbor of [next, previous])
      if (neighbor) void prefetchNotificationDetail(queryClient, neighbor);
  }, [next, previous, queryClient]);

  /** The first unread activity to mark New from, in the pane: as it was when opened. */
  const firstUnreadOf = (notification: Notification | undefined) =>
    !notification
      ? undefined
      : notification.read
        ? (openedUnread.get(notification.id) ?? null)
        : notification.firstUnreadActivityId;

  return { openId: pane.openId, open, openRow, step, closePane, openIndex, firstUnreadOf };
}
