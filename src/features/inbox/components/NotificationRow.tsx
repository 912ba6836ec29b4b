import {
  createContext,
  memo,
  useContext,
  useDeferredValue,
  useState,
  type MouseEvent,
} from 'react';
import { LazyRowActions } from './LazyRowActions.tsx';
import { Icon } from '../../../components/icons.tsx';
import type { Notification } from '../../../api/notifications.ts';
import type { InboxActions } from '../api/use-inbox-actions.ts';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { notificationTargetAddress } from '../../../lib/addresses.ts';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { Highlighted } from '../../../components/Highlighted.tsx';
import { NotificationTitle } from '../../../components/NotificationTitle.tsx';
import { TargetIcon, targetTypeLabel } from './TargetIcon.tsx';
import { Avatar } from '../../../components/Avatar.tsx';
import { useSwipe, type SwipeDirection } from './use-swipe.ts';

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
  /** The rows sit under day headings: one from before today shows its clock time, the heading its day. */
  dayHeadings?: boolean;
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
  /** Where the item lives: its project (or, for a deal, its company); null where nothing says. */
  place?: string | null;
}

const isPlainClick = (event: MouseEvent<HTMLAnchorElement>) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

const SWIPE_LABELS: Record<SwipeDirection, string> = { left: 'Dismiss', right: 'Mark as read' };

/**
 * One notification in two lines: who did what (one line, the time at its end), then where (the project), what
 * kind of item, its flags and the excerpt (one line). Unread: a bar on the left edge and a heavier title. The
 * actions show on hover, on focus and on the current row (touch: behind "More", or a swipe).
 */
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
  place = null,
}: Props) {
  const { actions, onOpen, onToggle, onFocusRow, inDismissedView, dayHeadings } = useContext(
    RowHandlersContext,
  ) as RowHandlers;
  const id = [notification.id];
  // A real link to its page: a new tab (middle click, Ctrl/Cmd) opens that page; a plain click opens it here.
  const href = notificationTargetAddress(notification);
  const plainTitle = titleText(notification.title);
  const unread = !notification.read;
  const [actionsOpen, setActionsOpen] = useState(false);
  // A row's buttons show only on hover, focus or the current row (touch: behind "More"): a row that just came into
  // the list paints without them, and they follow in the background (a filter change or a search paints sooner).
  const actionsReady = useDeferredValue(true, false) || focused || open || actionsOpen;
  const swipe = useSwipe((direction) => {
    if (direction === 'left') (inDismissedView ? actions.restore : actions.dismiss)(id);
    else if (unread) actions.read(id);
  });
  const swipeDirection: SwipeDirection | null =
    swipe.offset < 0 ? 'left' : swipe.offset > 0 ? 'right' : null;
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (isPlainClick(event)) {
      event.preventDefault();
      onOpen(notification);
    } else if (unread) actions.read(id);
  };
  const typeLabel = targetTypeLabel(notification.targetLabel || notification.targetType);
  return (
    <div className="relative overflow-hidden">
      {swipeDirection && (
        <div
          aria-hidden="true"
          className={`absolute inset-0 flex items-center px-4 text-sm font-semibold text-white ${swipeDirection === 'left' ? 'justify-end bg-rose-700' : 'justify-start bg-brand-700'}`}
        >
          {swipeDirection === 'left' && inDismissedView ? 'Restore' : SWIPE_LABELS[swipeDirection]}
        </div>
      )}
      <article
        data-testid="notification-row"
        data-notification-id={notification.id}
        data-read={notification.read}
        data-target-type={notification.targetType}
        data-focused={focused}
        data-current={focused || open}
        data-pending={pending}
        data-actions-open={actionsOpen}
        aria-current={open ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-label={plainTitle}
        onFocus={() => onFocusRow(notification.id)}
        {...swipe.handlers}
        style={swipe.offset ? { transform: `translateX(${swipe.offset}px)` } : undefined}
        className={`group relative flex touch-pan-y items-center gap-2.5 border-b border-slate-200 py-1 pr-3 pl-3 outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset sm:pr-4 dark:border-slate-800 ${selected ? 'bg-brand-100 dark:bg-slate-800' : focused || open ? 'bg-slate-100 dark:bg-slate-900' : 'bg-white dark:bg-slate-950'}`}
      >
        {unread && (
          <span
            role="img"
            aria-label="Unread"
            data-unread-marker
            className="absolute inset-y-1 left-0 w-1 rounded-r bg-brand-600 dark:bg-brand-400"
          />
        )}
        <input
          type="checkbox"
          className="size-4 shrink-0"
          checked={selected}
          aria-label={`Select: ${plainTitle}`}
          onClick={(event) => {
            onToggle(notification.id, event.shiftKey);
          }}
          onChange={() => {}}
        />
        <span className="relative shrink-0">
          <Avatar
            name={notification.actor?.name ?? typeLabel}
            url={notification.actor?.avatarUrl}
          />
          <span className="absolute -right-1 -bottom-1 rounded-full bg-white p-px text-slate-600 ring-1 ring-slate-200 dark:bg-slate-950 dark:text-slate-300 dark:ring-slate-700">
            <TargetIcon type={notification.targetType} className="size-3" />
          </span>
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex h-5 items-baseline gap-2">
            <a
              href={href}
              onClick={onLinkClick}
              className={`min-w-0 flex-1 truncate text-sm leading-5 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 ${unread ? 'font-semibold text-slate-950 dark:text-white' : 'text-slate-700 dark:text-slate-300'}`}
            >
              {notification.actor && (
                <span>
                  <Highlighted text={notification.actor.name} />{' '}
                </span>
              )}
              <NotificationTitle markup={notification.title} />
            </a>
            {notification.newActivitiesCount > 0 && unread && (
              <span className="hidden shrink-0 rounded bg-brand-100 px-1 text-xs font-medium text-brand-700 sm:inline dark:bg-brand-700 dark:text-white">
                {notification.newActivitiesCount} new
              </span>
            )}
            <RelativeTime
              iso={notification.lastActionAt}
              underDayHeading={dayHeadings}
              className={`shrink-0 text-xs tabular-nums ${unread ? 'font-medium text-slate-800 dark:text-slate-200' : 'text-slate-600 dark:text-slate-400'}`}
            />
          </div>
          <p className="flex h-4 min-w-0 items-center gap-1.5 text-xs leading-4 text-slate-600 dark:text-slate-400">
            {place && (
              <span
                data-testid="row-place"
                className="max-w-[60%] shrink-0 truncate font-medium text-slate-700 dark:text-slate-300"
              >
                <Highlighted text={place} />
              </span>
            )}
            <span className="shrink-0 rounded bg-slate-100 px-1 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {typeLabel}
            </span>
            {notification.important && (
              <span className="shrink-0 text-amber-700 dark:text-amber-300">
                <Icon name="star" className="size-3" />
                <span className="sr-only">Important</span>
              </span>
            )}
            {notification.mention && (
              <span className="shrink-0 rounded bg-violet-100 px-1 font-medium text-violet-900 dark:bg-violet-900 dark:text-violet-100">
                @ Mentioned you
              </span>
            )}
            {backFromSnooze && (
              <span className="shrink-0 rounded bg-emerald-100 px-1 font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                Back from snooze
              </span>
            )}
            {pending && (
              <span className="shrink-0 rounded bg-slate-200 px-1 font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                Waiting to sync
              </span>
            )}
            {notification.excerpt && (
              <span className="min-w-0 truncate">
                <Highlighted text={notification.excerpt} />
              </span>
            )}
          </p>
        </div>
        {actionsReady && (
          <>
            <button
              type="button"
              className="row-more -mr-1 h-8 w-6 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 dark:text-slate-200 dark:hover:bg-slate-700"
              aria-label={`More actions: ${plainTitle}`}
              aria-expanded={actionsOpen}
              onClick={() => setActionsOpen(!actionsOpen)}
            >
              <Icon name="more" className="size-5" />
            </button>
            <LazyRowActions
              ids={id}
              title={plainTitle}
              unread={unread}
              inDismissedView={inDismissedView}
              actions={actions}
              snoozeRequest={snoozeRequest}
            />
          </>
        )}
        {/* The place "More" takes on touch, held until it comes: the row's text never shifts. */}
        {!actionsReady && <span aria-hidden="true" className="row-more -mr-1 h-8 w-6 shrink-0" />}
      </article>
    </div>
  );
});
