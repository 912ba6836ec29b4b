import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import type { InboxAction } from '../model/inbox-actions.ts';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { acknowledgeBack, wokenAmong } from './snooze-queries.ts';
import { itemTargetOf } from '../../../lib/mutes.ts';

// Muting's code comes when someone first mutes (Settings shares it).
const muteActions = () => import('../../../lib/mute-actions.ts');
import { useTriage } from './use-triage.ts';
import { BULK_THRESHOLD, useBulkAction } from '../bulk/use-bulk-action.ts';

/** What a person does to rows of the inbox: each optimistic, undoable, durable (the mutation writes the outbox). */
export interface InboxActions {
  /** `quiet`: read by opening it, undoable with `z` but not told (docs/decisions/022-one-toast.md). */
  read: (ids: string[], options?: { quiet?: boolean }) => void;
  /** `wholeInbox`: the ids are the whole Inbox, unfiltered (sent as one request). */
  dismiss: (ids: string[], options?: { wholeInbox?: boolean }) => void;
  restore: (ids: string[]) => void;
  snooze: (ids: string[], wakeAt: string) => void;
  /**
   * Mutes their items (new notifications on them are dismissed as they arrive, unless they mention the person)
   * and dismisses them; its Undo restores them and unmutes.
   */
  mute: (ids: string[]) => void;
  /** Undoes the newest action still in its undo window. */
  undo: () => void;
  /**
   * Calls back just before rows leave this list (dismiss, restore, snooze), with their ids: the reading pane
   * moves on to a neighbour first, so that the action itself is the newest to undo. Returns the unsubscribe.
   */
  onLeaving: (listener: (ids: string[]) => void) => () => void;
}

export interface InboxActionsOptions {
  /** The rows shown, by id: for their titles. */
  byId: ReadonlyMap<string, Notification>;
  isRead: (id: string) => boolean;
  /** After an action is taken (e.g. the selection it used is cleared). */
  afterAction?: () => void;
  /** After an undo, focus goes back to the (first) row it brought back, never left on the page body. */
  focusRow?: (id: string) => void;
}

/**
 * The list's actions on its rows, one path for the row buttons, the selection bar, the keys and the reading pane:
 * only on rows they change ("Already read" is said, not silently ignored), through the triage (toast, undo). The
 * object is the same across renders; it reads the latest rows when called.
 */
export function useInboxActions({
  byId,
  isRead,
  afterAction,
  focusRow,
}: InboxActionsOptions): InboxActions {
  const showToast = useToast();
  const queryClient = useQueryClient();
  const triage = useTriage({
    onUndone: useCallback((ids: string[]) => ids[0] && focusRow?.(ids[0]), [focusRow]),
  });
  const startBulk = useBulkAction();
  const latest = useRef({ byId, isRead, afterAction, triage, showToast, startBulk });
  useLayoutEffect(() => {
    latest.current = { byId, isRead, afterAction, triage, showToast, startBulk };
  });
  const leavingListeners = useRef(new Set<(ids: string[]) => void>());

  return useMemo(() => {
    function mute(targets: string[]) {
      const { byId: rows, showToast: toast } = latest.current;
      const found = targets.flatMap((id) => rows.get(id) ?? []);
      if (found.length === 0) return;
      const items = found.map((notification) => ({
        target: itemTargetOf(notification),
        title: titleText(notification.targetTitle || notification.title).slice(0, 200),
      }));
      void muteActions().then(
        (module) => {
          for (const { target, title } of items)
            void module.muteTarget(queryClient, toast, target, title);
        },
        () => toast({ tone: 'error', message: 'Could not mute: the app could not be downloaded' }),
      );
      run(
        found.map((notification) => notification.id),
        'dismiss',
        undefined,
        {
          done: 'Muted',
          onUndo: () => {
            void muteActions().then((module) => {
              for (const { target } of items) void module.unmuteTarget(queryClient, toast, target);
            });
          },
        },
      );
    }

    function run(
      targets: string[],
      action: InboxAction,
      wakeAt?: string,
      {
        wholeInbox = false,
        ...extra
      }: { done?: string; onUndo?: () => void; wholeInbox?: boolean; quiet?: boolean } = {},
    ) {
      const {
        byId: rows,
        isRead: read,
        afterAction: after,
        triage: triageNow,
        showToast: toast,
      } = latest.current;
      const wanted = targets.filter((id) => !(action === 'read' && read(id)));
      // Read ones back from snooze: "mark as read" clears their mark, as reading them would.
      if (action === 'read')
        acknowledgeBack(queryClient, wokenAmong(queryClient, targets.filter(read)));
      if (wanted.length === 0) {
        if (targets.length > 0 && !extra.quiet)
          toast({
            tone: 'info',
            message: targets.length === 1 ? 'Already read' : `All ${targets.length} already read`,
          });
        return;
      }
      if (action !== 'read') for (const listener of [...leavingListeners.current]) listener(wanted);
      // Many at once: a bulk run, paced within Productive's limits, with its progress bar (bulk/bulk-actions.ts).
      if (
        (action === 'read' || action === 'dismiss' || action === 'undismiss') &&
        (wanted.length > BULK_THRESHOLD || wholeInbox)
      ) {
        latest.current.startBulk({ action, ids: wanted, wholeInbox });
        after?.();
        return;
      }
      const only = wanted.length === 1 ? rows.get(wanted[0] as string) : undefined;
      triageNow.act(wanted, action, only ? titleText(only.targetTitle || only.title) : undefined, {
        wakeAt,
        ...extra,
      });
      after?.();
    }

    return {
      read: (ids, options) => run(ids, 'read', undefined, { quiet: options?.quiet ?? false }),
      dismiss: (ids, options) =>
        run(ids, 'dismiss', undefined, { wholeInbox: options?.wholeInbox ?? false }),
      restore: (ids) => run(ids, 'undismiss'),
      snooze: (ids, wakeAt) => run(ids, 'snooze', wakeAt),
      mute,
      undo: () => latest.current.triage.undoLast(),
      onLeaving: (listener) => {
        leavingListeners.current.add(listener);
        return () => leavingListeners.current.delete(listener);
      },
    };
  }, [queryClient]);
}
