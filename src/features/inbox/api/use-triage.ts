import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useDismissToast, useIsToastShown, useToast } from '../../../components/toasts.tsx';
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
import { burstMessage, joinBurst, type Burst } from '../model/toast-burst.ts';
import { formatWakeTime } from '../model/wake-time.ts';
import { isReadOnlyError } from '../../../api/http.ts';
import { formatCount } from '../../../lib/formats.ts';
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
  /**
   * Done by the way, not asked for (opening a notification reads it): undoable with `z`, but no toast says so, and
   * the toast shown stays.
   */
  quiet?: boolean;
}

interface Triage {
  /** Runs an action on one or many notifications, optimistically, with an Undo toast. */
  act: (ids: string[], action: InboxAction, describe?: string, options?: ActOptions) => void;
  /** Undoes the newest action still in its undo window. */
  undoLast: () => void;
}

/**
 * Actions the way a person triages: each one told (and announced) in the one toast, undoable for 8 s, failures
 * reported in its place. The same action taken again while its toast shows joins it: "Marked 5 as read · Undo"
 * undoes all five, and so does `z`.
 */
export function useTriage({ onUndone }: { onUndone?: (ids: string[]) => void } = {}): Triage {
  const queryClient = useQueryClient();
  const { mutateAsync } = useNotificationAction();
  const showToast = useToast();
  const dismissToast = useDismissToast();
  const isToastShown = useIsToastShown();
  // The failures the shown error toast tells, to join the next failure of the same action (one toast, one Retry).
  const shownError = useRef<{
    toastId: number;
    action: InboxAction;
    failures: { retry: () => void; ids: string[]; message: string }[];
  } | null>(null);
  const stack = useRef<UndoEntry[]>([]);
  // Each undo entry's toast, taken away once the entry is used (by its button or by a key).
  const undoToasts = useRef(new Map<number, number>());
  // The burst the shown "Done · Undo" toast stands for, and its undo entry.
  const shown = useRef<{ burst: Burst; key: number } | null>(null);
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
        : `${formatCount(ids.length)} notification${ids.length === 1 ? '' : 's'}`;

    function run(
      ids: string[],
      action: InboxAction,
      describe: string | undefined,
      undoable: boolean,
      wakeAt?: string,
      { quiet = false, done, onUndo }: Pick<ActOptions, 'quiet' | 'done' | 'onUndo'> = {},
    ) {
      if (ids.length === 0) return;
      if (action === 'snooze' && !wakeAt) return;
      // A read-only token: the actions are off, and the notice at the top says why (src/api/write-access.ts).
      if (isReadOnly()) return;
      // The mutation writes the action to the outbox before anything else: a page that goes away from here on
      // leaves it to the next page. Per-call outcomes through the promise: callbacks given to mutate() fire only
      // for the latest call, and a burst of actions must report every failure.
      // Refused (a read-only token, a failure rolled back): nothing happened to these, so no undo claims them, and
      // a "Done · Undo" left with nothing to undo goes (the notice or the error toast says why).
      const forgetUndo = (forgotten: readonly string[] = ids) => {
        const gone = new Set(forgotten);
        const kept: UndoEntry[] = [];
        for (const item of stack.current) {
          const left = item.ids.filter((id) => !gone.has(id));
          if (left.length > 0)
            kept.push(left.length === item.ids.length ? item : { ...item, ids: left });
          else {
            const toastId = undoToasts.current.get(item.key);
            undoToasts.current.delete(item.key);
            if (toastId !== undefined) dismissToast(toastId);
            if (shown.current?.key === item.key) shown.current = null;
          }
        }
        stack.current = kept;
        if (shown.current)
          shown.current = {
            ...shown.current,
            burst: {
              ...shown.current.burst,
              ids: shown.current.burst.ids.filter((id) => !gone.has(id)),
            },
          };
      };
      mutateAsync({ ids, action, ...(wakeAt ? { wakeAt } : {}) }).then(
        ({ succeeded, failed }) => {
          if (failed.length > 0 && isReadOnlyError(failed[0]?.error)) {
            if (succeeded.length === 0) forgetUndo();
            return;
          }
          if (failed.length === 0) return;
          forgetUndo(failed.map((item) => item.id));
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
        (error: Error) => {
          forgetUndo();
          if (isReadOnlyError(error)) return;
          // In the place of its own "Done · Undo": never both at once. Failures of the same action one after
          // another join in one toast, whose Retry retries them all.
          const previous =
            shownError.current &&
            shownError.current.action === action &&
            isToastShown(shownError.current.toastId)
              ? shownError.current.failures
              : [];
          const failures = [
            ...previous,
            {
              ids,
              message: error.message,
              retry: () => run(ids, action, describe, undoable, wakeAt),
            },
          ];
          const count = failures.reduce((sum, failure) => sum + failure.ids.length, 0);
          const toastId = showToast({
            tone: 'error',
            message:
              failures.length === 1
                ? `Could not ${VERB[action]} ${what(ids, describe)}: ${error.message}`
                : `Could not ${VERB[action]} ${formatCount(count)} notifications: ${[
                    ...new Set(failures.map((failure) => failure.message)),
                  ].join('; ')}`,
            action: {
              label: 'Retry',
              run: () => {
                shownError.current = null;
                for (const failure of failures) failure.retry();
              },
            },
          });
          shownError.current = { toastId, action, failures };
        },
      );
      if (!undoable || INVERSE[action] === null) return;
      const now = Date.now();
      if (quiet) {
        stack.current = pushUndo(
          stack.current,
          { key: nextKey.current++, action, ids, expiresAt: now + UNDO_WINDOW_MS },
          now,
        );
        return;
      }
      // The same action again while its toast shows: one burst, one entry, one toast. An action told in words of
      // its own (a dismiss that mutes) or undone with more (unmute) stands alone.
      const shownKey = shown.current?.key;
      const previous =
        !done &&
        !onUndo &&
        !undoHooks.current.has(shownKey ?? -1) &&
        stack.current.some((item) => item.key === shownKey && item.expiresAt > now)
          ? shown.current
          : null;
      const alone: Burst = {
        action,
        ids,
        ...(describe ? { describe } : {}),
        ...(wakeAt ? { wakeAt } : {}),
      };
      const burst = joinBurst(previous?.burst ?? null, alone);
      if (previous && burst !== alone) {
        stack.current = removeUndo(stack.current, previous.key);
        undoToasts.current.delete(previous.key);
      }
      const undoEntry: UndoEntry = {
        key: nextKey.current++,
        action,
        ids: burst.ids,
        expiresAt: now + UNDO_WINDOW_MS,
      };
      stack.current = pushUndo(stack.current, undoEntry, now);
      shown.current = { burst, key: undoEntry.key };
      if (onUndo) undoHooks.current.set(undoEntry.key, onUndo);
      const toastId = showToast({
        tone: 'info',
        message: burstMessage(
          burst,
          wakeAt ? formatWakeTime(new Date(wakeAt), new Date()) : undefined,
          undefined,
          done,
        ),
        action: { label: 'Undo', run: () => undo(undoEntry) },
      });
      undoToasts.current.set(undoEntry.key, toastId);
    }

    /** Undoes an entry once: its toast goes, and a second use (button after key, or key after button) does nothing. */
    function undo(entry: UndoEntry) {
      if (!hasUndo(stack.current, entry.key)) return;
      stack.current = removeUndo(stack.current, entry.key);
      if (shown.current?.key === entry.key) shown.current = null;
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
          quiet: options?.quiet,
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
  }, [mutateAsync, queryClient, showToast, dismissToast, isToastShown]);
}
