import { useMemo } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Notification } from '../../../api/notifications.ts';
import { Icon } from '../../../components/icons.tsx';
import { WriteActions } from '../../../components/WriteActions.tsx';
import {
  backToList,
  INBOX_VIEW_PATHS,
  notificationTargetAddress,
  openedFromList,
  readFeedContext,
  type InboxView,
} from '../../../lib/addresses.ts';
import { keepRow, keptListKey, useKeptRows } from '../api/kept-rows.ts';
import { useInboxActions } from '../api/use-inbox-actions.ts';
import { useNotificationList } from '../api/use-notification-list.ts';
import { parseFilters, toNotificationQuery } from '../model/filters.ts';
import { readAfterDismiss } from '../pane/after-dismiss.ts';
import { neighborAfterLeaving } from '../pane/neighbor.ts';
import { SnoozeMenu } from './SnoozeMenu.tsx';

const button =
  'inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';

/** The list a notification's page was opened from: its view and filters, read from the way back's address. */
function listOf(href: string) {
  const url = new URL(href, 'http://list.invalid');
  const view =
    (Object.entries(INBOX_VIEW_PATHS).find(([, path]) => path === url.pathname)?.[0] as
      InboxView | undefined) ?? 'inbox';
  const { filters } = parseFilters(url.searchParams);
  return { view, read: filters.read, query: toNotificationQuery(view, filters) };
}

/**
 * On a notification's page (its detail, or its item's feed opened from it; a phone's way of reading): Dismiss (or
 * Restore), Snooze, Previous and Next through the list it was opened from, in that list's order and filters. After
 * Dismiss or Snooze it goes on to the next one as the reading pane does (the after-dismiss setting), or back to
 * the list when none is left. Opening one reads it, with no toast.
 */
export function NotificationTriageBar() {
  const { notificationId: routeId } = useParams();
  const [searchParams] = useSearchParams();
  const id = routeId ?? readFeedContext(searchParams).notificationId;
  return id ? <TriageBar key={id} notificationId={id} /> : null;
}

function TriageBar({ notificationId }: { notificationId: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const from = backToList(location.state).href;
  const { view, read, query } = useMemo(() => listOf(from), [from]);
  const listKey = keptListKey(view, query, read);
  const kept = useKeptRows(listKey, [notificationId]);
  const { ids, byId } = useNotificationList(query, read, kept);
  const actions = useInboxActions({
    byId,
    isRead: (id) => byId.get(id)?.read ?? false,
  });
  const index = ids.indexOf(notificationId);
  const previous = index > 0 ? byId.get(ids[index - 1] as string) : undefined;
  const next = index >= 0 ? byId.get(ids[index + 1] as string) : undefined;
  const inDismissedView = view === 'dismissed';

  const open = (notification: Notification) => {
    if (!notification.read) actions.read([notification.id], { quiet: true });
    keepRow(listKey, notification.id);
    void navigate(notificationTargetAddress(notification), {
      replace: true,
      state: openedFromList(from, notification.id),
    });
  };
  /** This one leaves the list: the next one opens first (so the action is the newest to undo), then it goes. */
  const leave = (act: () => void) => {
    const afterId = neighborAfterLeaving(
      ids,
      notificationId,
      new Set([notificationId]),
      readAfterDismiss(),
    );
    const after = afterId ? byId.get(afterId) : undefined;
    if (after) {
      open(after);
      act();
    } else {
      act();
      const back = backToList(location.state);
      void navigate(back.href, { replace: true, state: back.state });
    }
  };
  const title = byId.get(notificationId)?.targetTitle;
  const what = title ? `: ${title}` : '';

  return (
    <section
      aria-label="This notification"
      className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 px-3 py-2 backdrop-blur sm:px-4 dark:border-slate-800 dark:bg-slate-950/95"
    >
      <div className="mx-auto flex max-w-3xl items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={!previous}
          onClick={() => previous && open(previous)}
        >
          <Icon name="chevron-up" /> Previous
        </button>
        <button
          type="button"
          className={button}
          disabled={!next}
          onClick={() => next && open(next)}
        >
          <Icon name="chevron-down" /> Next
        </button>
        {index >= 0 && (
          <span className="hidden text-xs text-slate-600 sm:inline dark:text-slate-400">
            {index + 1} of {ids.length}
          </span>
        )}
        <span className="ml-auto flex items-center gap-2">
          <WriteActions>
            {!inDismissedView && (
              <SnoozeMenu
                label={`Snooze${what}`}
                className={button}
                onSnooze={(wakeAt) => leave(() => actions.snooze([notificationId], wakeAt))}
              >
                Snooze
              </SnoozeMenu>
            )}
            <button
              type="button"
              className={button}
              aria-label={`${inDismissedView ? 'Restore' : 'Dismiss'}${what}`}
              onClick={() =>
                leave(() => (inDismissedView ? actions.restore : actions.dismiss)([notificationId]))
              }
            >
              {inDismissedView ? 'Restore' : 'Dismiss'}
            </button>
          </WriteActions>
        </span>
      </div>
    </section>
  );
}
