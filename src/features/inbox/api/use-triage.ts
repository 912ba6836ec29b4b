import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { NotificationAction } from '../../../api/notifications.ts';
import { useToast } from '../../../components/toasts.tsx';
import {
  INVERSE,
  popUndo,
  pushUndo,
  removeUndo,
  UNDO_WINDOW_MS,
  type UndoEntry,
} from '../model/undo-stack.ts';
import { enqueue } from './action-queue.ts';
import { cancelReads } from './read-hold.ts';
import { tellOtherTabs } from './tab-sync.ts';
import { updateCachedLists, useNotificationAction } from './use-notification-action.ts';

const DONE: Record<NotificationAction, string> = {
  read: 'Marked as read',
  dismiss: 'Dismissed',
  undismiss: 'Restored',
};
export const VERB: Record<NotificationAction, string> = {
  read: 'mark as read',
  dismiss: 'dismiss',
  undismiss: 'restore',
};

export interface Triage {
  /** Runs an action on one or many notifications, optimistically, with an Undo toast. */
  act: (ids: string[], action: NotificationAction, describe?: string) => void;
  /** Undoes the newest action still in its undo window. */
  undoLast: () => void;
}

/** Actions the way a person triages: each one told (and announced), undoable for 8 s, failures reported per item. */
export function useTriage(): Triage {
  const queryClient = useQueryClient();
  const { mutateAsync } = useNotificationAction();
  const showToast = useToast();
  const stack = useRef<UndoEntry[]>([]);
  const nextKey = useRef(1);

  return useMemo(() => {
    const what = (ids: string[], describe?: string) =>
      ids.length === 1 && describe
        ? `“${describe}”`
        : `${ids.length} notification${ids.length === 1 ? '' : 's'}`;

    function run(
      ids: string[],
      action: NotificationAction,
      describe: string | undefined,
      undoable: boolean,
    ) {
      if (ids.length === 0) return;
      // Written down before anything else: a page that goes away from here on leaves it to the next page.
      const queueKey = enqueue(ids, action);
      // Per-call outcomes through the promise: callbacks given to mutate() fire only for the latest call, and
      // a burst of actions must report every failure.
      mutateAsync({ ids, action, queueKey }).then(
        ({ succeeded, failed }) => {
          if (failed.length === 0) return;
          showToast({
            tone: 'error',
            message: `${DONE[action]} ${succeeded.length} of ${ids.length}; ${failed.length} failed: ${failed[0]?.error.message}`,
            action: {
              label: 'Retry failed',
              run: () =>
                run(
                  failed.map((item) => item.id),
                  action,
                  undefined,
                  false,
                ),
            },
          });
        },
        (error: Error) =>
          showToast({
            tone: 'error',
            message: `Could not ${VERB[action]} ${what(ids, describe)}: ${error.message}`,
            action: { label: 'Retry', run: () => run(ids, action, describe, undoable) },
          }),
      );
      if (!undoable) return;
      const entry: UndoEntry = {
        key: nextKey.current++,
        action,
        ids,
        expiresAt: Date.now() + UNDO_WINDOW_MS,
      };
      stack.current = pushUndo(stack.current, entry, Date.now());
      showToast({
        tone: 'info',
        message: `${DONE[action]} ${what(ids, describe)}`,
        action: { label: 'Undo', run: () => undo(entry) },
      });
    }

    function undo(entry: UndoEntry) {
      stack.current = removeUndo(stack.current, entry.key);
      const inverse = INVERSE[entry.action];
      if (inverse !== 'cancel') {
        run(entry.ids, inverse, undefined, false);
        showToast({
          tone: 'info',
          message: `Undone: ${DONE[inverse].toLowerCase()} ${what(entry.ids)}`,
        });
        return;
      }
      const cancelled = cancelReads(entry.ids);
      if (cancelled.length) {
        updateCachedLists(queryClient, cancelled, 'unread');
        tellOtherTabs({ type: 'action', ids: cancelled, action: 'unread' });
      }
      showToast({
        tone: 'info',
        message:
          cancelled.length === entry.ids.length
            ? `Undone: ${what(entry.ids)} unread again`
            : 'Already saved as read: Productive cannot mark notifications unread',
      });
    }

    return {
      act: (ids, action, describe) => run(ids, action, describe, true),
      undoLast: () => {
        const { entry, rest } = popUndo(stack.current, Date.now());
        stack.current = rest;
        if (entry) undo(entry);
        else showToast({ tone: 'info', message: 'Nothing to undo' });
      },
    };
  }, [mutateAsync, queryClient, showToast]);
}
