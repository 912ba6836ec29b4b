import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import type { InboxAction } from '../model/inbox-actions.ts';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { acknowledgeBack, wokenAmong } from './snooze-queries.ts';
import { useTriage } from './use-triage.ts';

/** What a person does to rows of the inbox: each optimistic, undoable, durable (the mutation writes the outbox). */
export interface InboxActions {
  /** `quiet`: read by opening it, undoable with `z` but not told (docs/decisions/016-one-toast.md). */
  read: (ids: string[], options?: { quiet?: boolean }) => void;
  dismiss: (ids: string[]) => void;
  restore: (ids: string[]) => void;
  snooze: (ids: string[], wakeAt: string) => void;
  /** Undoes the newest action still in its undo window. */
  undo: () => void;
  /**
   * Calls back just before rows leave this list (dismiss, restore, snooze), with their ids: the reading pane
   * moves on to a neighbour first, so that the action itself is the newest to undo. Returns the unsubscribe.
   */
  onLeaving: (listener: (ids: string[]) => void) => () => void;
}

interface Options {
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
export function useInboxActions({ byId, isRead, afterAction, focusRow }: Options): InboxActions {
  const showToast = useToast();
  const queryClient = useQueryClient();
  const triage = useTriage({
    onUndone: useCallback((ids: string[]) => ids[0] && focusRow?.(ids[0]), [focusRow]),
  });
  const latest = useRef({ byId, isRead, afterAction, triage, showToast });
  useLayoutEffect(() => {
    latest.current = { byId, isRead, afterAction, triage, showToast };
  });
  const leavingListeners = useRef(new Set<(ids: string[]) => void>());

  return useMemo(() => {
    function run(targets: string[], action: InboxAction, wakeAt?: string, quiet = false) {
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
        if (targets.length > 0 && !quiet)
          toast({
            tone: 'info',
            message: targets.length === 1 ? 'Already read' : `All ${targets.length} already read`,
          });
        return;
      }
      if (action !== 'read') for (const listener of [...leavingListeners.current]) listener(wanted);
      const only = wanted.length === 1 ? rows.get(wanted[0] as string) : undefined;
      triageNow.act(wanted, action, only ? titleText(only.targetTitle || only.title) : undefined, {
        wakeAt,
        quiet,
      });
      after?.();
    }

    return {
      read: (ids, options) => run(ids, 'read', undefined, options?.quiet),
      dismiss: (ids) => run(ids, 'dismiss'),
      restore: (ids) => run(ids, 'undismiss'),
      snooze: (ids, wakeAt) => run(ids, 'snooze', wakeAt),
      undo: () => latest.current.triage.undoLast(),
      onLeaving: (listener) => {
        leavingListeners.current.add(listener);
        return () => leavingListeners.current.delete(listener);
      },
    };
  }, [queryClient]);
}
