import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import type { Snooze } from '../../../api/snoozes.ts';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/ListStates.tsx';
import { useToast } from '../../../components/toasts.tsx';
import { notificationTargetAddress } from '../../../lib/addresses.ts';
import { Link } from 'react-router';
import { snoozeQueries } from '../api/snooze-queries.ts';
import { useTabSync } from '../api/use-tab-sync.ts';
import { useTriage } from '../api/use-triage.ts';
import { NO_FILTERS } from '../model/filters.ts';
import { formatWakeTime } from '../model/wake-time.ts';
import { formatExact } from '../../../lib/formats.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { InboxSidebar } from './InboxSidebar.tsx';
import { NotificationTitle } from '../../../components/NotificationTitle.tsx';

/** The scheduled snoozes and the notifications they are for (one request each: the API has no id filter). */
function useScheduledSnoozes() {
  const snoozes = useQuery(snoozeQueries.list());
  const scheduled = useMemo(
    () => (snoozes.data ?? []).filter((snooze) => snooze.state === 'scheduled'),
    [snoozes.data],
  );
  const ids = useMemo(() => scheduled.map((snooze) => snooze.id), [scheduled]);
  const notifications = useInfiniteQuery({
    ...snoozeQueries.back({ ids }),
    enabled: ids.length > 0,
  });
  const byId = useMemo(
    () =>
      new Map(
        (notifications.data?.pages ?? [])
          .flatMap((page) => page.notifications)
          .map((notification) => [notification.id, notification]),
      ),
    [notifications.data],
  );
  return { snoozes, scheduled, byId };
}

/** "Snoozed": what is put off, until when, what happened on it meanwhile, and "Wake now". */
export function SnoozedPage() {
  const { snoozes, scheduled, byId } = useScheduledSnoozes();
  const triage = useTriage();
  const showToast = useToast();
  useTabSync();
  useDocumentTitle('Snoozed');

  const wake = (snooze: Snooze, notification: Notification | undefined) => {
    const title = notification ? titleText(notification.targetTitle || notification.title) : null;
    // Its row goes: focus moves to the next row's Wake now (else the previous one's, else the heading).
    const buttons = [...document.querySelectorAll<HTMLElement>('[data-wake-now]')];
    const index = buttons.findIndex((button) => button.dataset.wakeNow === snooze.id);
    const next = buttons[index + 1] ?? buttons[index - 1];
    if (next) next.focus();
    else document.querySelector<HTMLElement>('#snoozed-heading')?.focus();
    triage.act([snooze.id], 'wake', title ?? undefined);
    showToast({
      tone: 'info',
      message: `${title ? `“${title}”` : 'The notification'} is back in the Inbox`,
    });
  };

  return (
    <div className="mx-auto flex min-h-screen max-w-6xl flex-col sm:flex-row">
      <InboxSidebar filters={NO_FILTERS} />
      <main className="min-w-0 flex-1">
        <h1
          id="snoozed-heading"
          tabIndex={-1}
          className="px-3 pt-4 pb-2 text-xl font-semibold outline-none sm:px-4"
        >
          Snoozed
        </h1>
        {snoozes.status === 'pending' ? (
          <ListSkeleton label="Loading snoozed notifications…" />
        ) : snoozes.status === 'error' && !snoozes.data ? (
          <ErrorState
            title="Could not load snoozed notifications"
            message={snoozes.error.message}
            onRetry={() => void snoozes.refetch()}
          />
        ) : scheduled.length === 0 ? (
          <EmptyState title="Nothing snoozed">
            Snooze a notification from the Inbox (its Snooze button, or <kbd>h</kbd>) and it waits
            here until its time comes.
          </EmptyState>
        ) : (
          <>
            <p className="px-3 py-2 text-xs text-slate-600 sm:px-4 dark:text-slate-400">
              {scheduled.length} snoozed notification{scheduled.length === 1 ? '' : 's'}, soonest
              first
            </p>
            <ul aria-label="Snoozed notifications">
              {scheduled.map((snooze) => (
                <SnoozedRow
                  key={snooze.id}
                  snooze={snooze}
                  notification={byId.get(snooze.id)}
                  onWake={wake}
                />
              ))}
            </ul>
          </>
        )}
      </main>
    </div>
  );
}

function SnoozedRow({
  snooze,
  notification,
  onWake,
}: {
  snooze: Snooze;
  notification: Notification | undefined;
  onWake: (snooze: Snooze, notification: Notification | undefined) => void;
}) {
  const plainTitle = notification ? titleText(notification.title) : `Notification ${snooze.id}`;
  const wakeAt = new Date(snooze.wakeAt);
  return (
    <li
      data-testid="snoozed-row"
      data-notification-id={snooze.id}
      className="flex items-start gap-3 border-b border-slate-200 px-3 py-3 sm:px-4 dark:border-slate-800"
    >
      <div className="min-w-0 flex-1">
        <p className="text-sm leading-snug text-slate-900 dark:text-white">
          {notification ? (
            <Link
              to={notificationTargetAddress(notification)}
              className="hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {notification.actor && (
                <span className="font-medium">{notification.actor.name} </span>
              )}
              <NotificationTitle markup={notification.title} />
            </Link>
          ) : (
            plainTitle
          )}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span data-testid="wake-time">
            Wakes{' '}
            <time dateTime={snooze.wakeAt} title={formatExact(wakeAt)}>
              {formatWakeTime(wakeAt, new Date())}
            </time>
          </span>
          {notification?.parentTitle && (
            <span className="truncate">in {notification.parentTitle}</span>
          )}
          {snooze.newActivityCount > 0 && (
            <span className="rounded bg-brand-100 px-1.5 font-medium text-brand-700 dark:bg-brand-700 dark:text-white">
              {snooze.newActivityCount} new{' '}
              {snooze.newActivityCount === 1 ? 'activity' : 'activities'} while snoozed
            </span>
          )}
        </p>
      </div>
      <button
        type="button"
        aria-label={`Wake now: ${plainTitle}`}
        data-wake-now={snooze.id}
        onClick={() => onWake(snooze, notification)}
        className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Wake now
      </button>
    </li>
  );
}
