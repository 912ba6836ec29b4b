import { createContext, memo, useContext, type MouseEvent } from 'react';
import { Icon } from '../../../components/icons.tsx';
import type { Notification } from '../../../api/notifications.ts';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import { WriteActions } from '../../../components/WriteActions.tsx';
import { SnoozeMenu } from './SnoozeMenu.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { notificationTargetAddress } from '../../../lib/addresses.ts';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { Highlighted } from '../../../components/Highlighted.tsx';
import { NotificationTitle } from '../../../components/NotificationTitle.tsx';
import { TargetIcon, targetTypeLabel } from './TargetIcon.tsx';

/**
 * What every row of a list shares: the same functions for all rows, across renders (so a row re-renders only when
 * it changes).
 */
export interface RowHandlers {
  actions: InboxActions;
  /** Opens it (beside the list, or on its own page); a click with a modifier opens its page in a new tab. */
  onOpen: (notification: Notification) => void;
  onToggle: (id: string, range: boolean) => void;
  onFocusRow: (id: string) => void;
  inDismissedView: boolean;
}
export const RowHandlersContext = createContext<RowHandlers | null>(null);

interface Props {
  notification: Notification;
  position: number;
  setSize: number;
  /** The list's current item; it alone is in the Tab order (roving tabindex). */
  focused: boolean;
  tabbable: boolean;
  selected: boolean;
  /** An action on it waits for the network. */
  pending: boolean;
  /** It is open in the reading pane. */
  open: boolean;
  /** Marked "Back from snooze" (at the top of the list until read or dismissed). */
  backFromSnooze?: boolean;
  /** Opens its snooze menu when it changes (the `h` key). */
  snoozeRequest?: number;
}

const isPlainClick = (event: MouseEvent<HTMLAnchorElement>) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

const buttonClass =
  'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

export const NotificationRow = memo(function NotificationRow({
  notification,
  position,
  setSize,
  focused,
  tabbable,
  selected,
  pending,
  open,
  backFromSnooze = false,
  snoozeRequest = 0,
}: Props) {
  const { actions, onOpen, onToggle, onFocusRow, inDismissedView } = useContext(
    RowHandlersContext,
  ) as RowHandlers;
  const id = [notification.id];
  // A real link to its page: a new tab (middle click, Ctrl/Cmd) opens that page; a plain click opens it here.
  const href = notificationTargetAddress(notification);
  const plainTitle = titleText(notification.title);
  const unread = !notification.read;
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (isPlainClick(event)) {
      event.preventDefault();
      onOpen(notification);
    } else if (unread) actions.read(id);
  };
  const title = (
    <span
      className={unread ? 'text-slate-900 dark:text-white' : 'text-slate-600 dark:text-slate-300'}
    >
      {notification.actor && (
        <span className="font-medium">
          <Highlighted text={notification.actor.name} />{' '}
        </span>
      )}
      <NotificationTitle markup={notification.title} />
    </span>
  );
  return (
    <article
      data-testid="notification-row"
      data-notification-id={notification.id}
      data-read={notification.read}
      data-target-type={notification.targetType}
      data-focused={focused}
      data-pending={pending}
      aria-current={open ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-label={plainTitle}
      onFocus={() => onFocusRow(notification.id)}
      className={`group relative flex gap-3 border-b border-slate-200 px-3 py-3 outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset sm:px-4 dark:border-slate-800 ${selected ? 'bg-brand-100/70 dark:bg-slate-800' : open ? 'bg-slate-200/70 dark:bg-slate-800/70' : unread ? 'bg-brand-50/60 dark:bg-slate-900' : ''} ${focused || open ? 'shadow-[inset_3px_0_0_0_#2a55d8]' : ''}`}
    >
      <input
        type="checkbox"
        className="mt-1 size-4 shrink-0"
        checked={selected}
        aria-label={`Select: ${plainTitle}`}
        onClick={(event) => {
          onToggle(notification.id, event.shiftKey);
        }}
        onChange={() => {}}
      />
      <div className="flex w-5 shrink-0 flex-col items-center gap-2 pt-0.5 text-slate-500 dark:text-slate-400">
        <TargetIcon type={notification.targetType} />
        {unread && (
          <span className="size-2 rounded-full bg-brand-600" role="img" aria-label="Unread" />
        )}
      </div>
      <div className="min-w-0 flex-1">
        <p className="text-sm leading-snug">
          <a
            href={href}
            onClick={onLinkClick}
            className="hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {title}
          </a>
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span className="font-medium text-slate-700 dark:text-slate-300">
            {notification.targetLabel
              ? targetTypeLabel(notification.targetLabel)
              : targetTypeLabel(notification.targetType)}
          </span>
          {notification.parentTitle && (
            <span className="truncate">
              in <Highlighted text={notification.parentTitle} />
            </span>
          )}
          <RelativeTime iso={notification.lastActionAt} />
          {backFromSnooze && (
            <span className="rounded bg-emerald-100 px-1.5 font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
              Back from snooze
            </span>
          )}
          {pending && (
            <span className="rounded bg-slate-200 px-1.5 font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
              Waiting to sync
            </span>
          )}
          {notification.important && (
            <span className="rounded bg-amber-100 px-1.5 font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              <Icon name="star" className="size-3" /> Important
            </span>
          )}
          {notification.mention && (
            <span className="rounded bg-violet-100 px-1.5 font-medium text-violet-900 dark:bg-violet-900 dark:text-violet-100">
              @ Mentioned you
            </span>
          )}
          {notification.newActivitiesCount > 0 && unread && (
            <span className="rounded bg-brand-100 px-1.5 font-medium text-brand-700 dark:bg-brand-700 dark:text-white">
              {notification.newActivitiesCount} new
            </span>
          )}
        </p>
        {notification.excerpt && (
          <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
            <Highlighted text={notification.excerpt} />
          </p>
        )}
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1.5 sm:flex-row sm:items-start">
        <WriteActions>
          {unread && (
            <button
              type="button"
              className={buttonClass}
              aria-label={`Mark as read: ${plainTitle}`}
              onClick={() => actions.read(id)}
            >
              Mark as read
            </button>
          )}
          {inDismissedView ? (
            <button
              type="button"
              className={buttonClass}
              aria-label={`Restore: ${plainTitle}`}
              onClick={() => actions.restore(id)}
            >
              Restore
            </button>
          ) : (
            <>
              <SnoozeMenu
                label={`Snooze: ${plainTitle}`}
                onSnooze={(wakeAt) => actions.snooze(id, wakeAt)}
                openRequest={snoozeRequest}
              />
              <button
                type="button"
                className={buttonClass}
                aria-label={`Dismiss: ${plainTitle}`}
                onClick={() => actions.dismiss(id)}
              >
                Dismiss
              </button>
            </>
          )}
        </WriteActions>
      </div>
    </article>
  );
});
