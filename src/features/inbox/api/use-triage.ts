import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useDismissToast, useToast } from '../../../components/toasts.tsx';
import {
  hasUndo,
  INVERSE,
  popUndo,
  pushUndo,
  removeUndo,
  UNDO_WINDOW_MS,
  type UndoEntry,
} from '../model/undo-stack.ts';
import type { InboxAction } from '../model/inbox-actions.ts';
import { formatWakeTime } from '../model/wake-time.ts';
import { isReadOnlyError } from '../../../api/http.ts';
import { isReadOnly } from '../../../api/write-access.ts';
import { cancelReads } from './queued-actions.ts';
import { tellOtherTabs } from './tab-sync.ts';
import { updateCachedLists, useNotificationAction } from './use-notification-action.ts';

const DONE: Record<InboxAction, string> = {
  read: 'Marked as read',
  dismiss: 'Dismissed',
  undismiss: 'Restored',
  snooze: 'Snoozed',
  unsnooze: 'Unsnoozed',
  wake: 'Woke',
};
const ALREADY_SAVED = 'Already saved as read: Productive cannot mark notifications unread';
export const VERB: Record<InboxAction, string> = {
  read: 'mark as read',
  dismiss: 'dismiss',
  undismiss: 'restore',
  snooze: 'snooze',
  unsnooze: 'undo the snooze of',
  wake: 'wake',
};

interface ActOptions {
  /** A snooze's wake time (ISO with its offset): required for 'snooze'. */
  wakeAt?: string;
  /** What the toast says was done, instead of the action's own word ("Muted" for a dismiss that mutes). */
  done?: string;
  /** Runs too when the action is undone (a mute's undo unmutes). */
  onUndo?: () => void;
}

interface Triage {
  /** Runs an action on one or many notifications, optimistically, with an Undo toast. */
  act: (ids: string[], action: InboxAction, describe?: string, options?: ActOptions) => void;
  /** Undoes the newest action still in its undo window. */
  undoLast: () => void;
}

/** Actions the way a person triages: each one told (and announced), undoable for 8 s, failures reported per item. */
export function useTriage({ onUndone }: { onUndone?: (ids: string[]) => void } = {}): Triage {
  const queryClient = useQueryClient();
  const { mutateAsync } = useNotificationAction();
  const showToast = useToast();
  const dismissToast = useDismissToast();
  const stack = useRef<UndoEntry[]>([]);
  // Each undo entry's toast, taken away once the entry is used (by its button or by a key).
  const undoToasts = useRef(new Map<number, number>());
  const nextKey = useRef(1);
  // What else an entry's undo does (unmute), by entry key.
  const undoHooks = useRef(new Map<number, () => void>());
  const undone = useRef(onUndone);
  useLayoutEffect(() => {
    undone.current = onUndone;
  });

  return useMemo(() => {
    const what = (ids: string[], describe?: string) =>
      ids.length === 1 && describe
        ? `“${describe}”`
        : `${ids.length} notification${ids.length === 1 ? '' : 's'}`;

    function run(
      ids: string[],
      action: InboxAction,
      describe: string | undefined,
      undoable: boolean,
      wakeAt?: string,
      extra: Pick<ActOptions, 'done' | 'onUndo'> = {},
    ) {
      if (ids.length === 0) return;
      if (action === 'snooze' && !wakeAt) return;
      // A read-only token: the actions are off, and the notice at the top says why (src/api/write-access.ts).
      if (isReadOnly()) return;
      // The mutation writes the action to the outbox before anything else: a page that goes away from here on
      // leaves it to the next page. Per-call outcomes through the promise: callbacks given to mutate() fire only
      // for the latest call, and a burst of actions must report every failure.
      let entry: UndoEntry | null = null;
      // Refused because the token is read-only: nothing happened, so no "Done · Undo" stays (the notice says why).
      const forgetUndo = () => {
        if (!entry) return;
        stack.current = removeUndo(stack.current, entry.key);
        const toastId = undoToasts.current.get(entry.key);
        undoToasts.current.delete(entry.key);
        if (toastId !== undefined) dismissToast(toastId);
      };
      mutateAsync({ ids, action, ...(wakeAt ? { wakeAt } : {}) }).then(
        ({ succeeded, failed }) => {
          if (failed.length > 0 && isReadOnlyError(failed[0]?.error)) {
            if (succeeded.length === 0) forgetUndo();
            return;
          }
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
                  wakeAt,
                ),
            },
          });
        },
        (error: Error) =>
          isReadOnlyError(error)
            ? forgetUndo()
            : showToast({
                tone: 'error',
                message: `Could not ${VERB[action]} ${what(ids, describe)}: ${error.message}`,
                action: { label: 'Retry', run: () => run(ids, action, describe, undoable, wakeAt) },
              }),
      );
      if (!undoable || INVERSE[action] === null) return;
      const undoEntry: UndoEntry = {
        key: nextKey.current++,
        action,
        ids,
        expiresAt: Date.now() + UNDO_WINDOW_MS,
      };
      entry = undoEntry;
      stack.current = pushUndo(stack.current, undoEntry, Date.now());
      if (extra.onUndo) undoHooks.current.set(undoEntry.key, extra.onUndo);
      const toastId = showToast({
        tone: 'info',
        message: `${extra.done ?? DONE[action]} ${what(ids, describe)}${wakeAt ? ` until ${formatWakeTime(new Date(wakeAt), new Date())}` : ''}`,
        action: { label: 'Undo', run: () => undo(undoEntry) },
      });
      undoToasts.current.set(undoEntry.key, toastId);
    }

    /** Undoes an entry once: its toast goes, and a second use (button after key, or key after button) does nothing. */
    function undo(entry: UndoEntry) {
      if (!hasUndo(stack.current, entry.key)) return;
      stack.current = removeUndo(stack.current, entry.key);
      const toastId = undoToasts.current.get(entry.key);
      undoToasts.current.delete(entry.key);
      if (toastId !== undefined) dismissToast(toastId);
      const hook = undoHooks.current.get(entry.key);
      undoHooks.current.delete(entry.key);
      hook?.();
      const inverse = INVERSE[entry.action];
      if (inverse === null) return;
      if (inverse !== 'cancel') {
        run(entry.ids, inverse, undefined, false);
        showToast({
          tone: 'info',
          message: `Undone: ${DONE[inverse].toLowerCase()} ${what(entry.ids)}`,
        });
        undone.current?.(entry.ids);
        return;
      }
      const cancelled = cancelReads(entry.ids);
      if (cancelled.length) {
        updateCachedLists(queryClient, cancelled, 'unread');
        tellOtherTabs({ type: 'action', ids: cancelled, action: 'unread' });
        undone.current?.(cancelled);
      }
      const saved = entry.ids.length - cancelled.length;
      showToast({
        tone: 'info',
        message:
          saved === 0
            ? `Undone: ${what(entry.ids)} unread again`
            : cancelled.length === 0
              ? ALREADY_SAVED
              : `Undone: ${what(cancelled)} unread again; ${saved} already saved as read (Productive cannot mark notifications unread)`,
      });
    }

    return {
      act: (ids, action, describe, options) =>
        run(ids, action, describe, true, options?.wakeAt, {
          done: options?.done,
          onUndo: options?.onUndo,
        }),
      undoLast: () => {
        const { entry, expired, rest } = popUndo(stack.current, Date.now());
        if (entry) return undo(entry);
        stack.current = rest;
        showToast({
          tone: 'info',
          message: !expired
            ? 'Nothing to undo'
            : expired.action === 'read'
              ? ALREADY_SAVED
              : `Nothing to undo: ${DONE[expired.action].toLowerCase()} ${what(expired.ids)} more than ${UNDO_WINDOW_MS / 1000} s ago`,
        });
      },
    };
  }, [mutateAsync, queryClient, showToast, dismissToast]);
}
