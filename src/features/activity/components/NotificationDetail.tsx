import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Notification } from '../../../api/notifications.ts';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/ListStates.tsx';
import { ApiRequestError } from '../../../api/http.ts';
import { NotificationTitle } from '../../../components/NotificationTitle.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { markedTodo, notificationFeed } from '../../../lib/addresses.ts';
import { titleText } from '../../../lib/markup/title-markup.ts';
import { notificationDetailQueries } from '../api/notification-detail-queries.ts';
import { NO_FEED_FILTERS, type FeedFilters } from '../model/feed-filters.ts';
import { ActivityFeed } from './ActivityFeed.tsx';
import { ChangesetList } from './ChangesetList.tsx';
import { OpenInProductive } from './OpenInProductive.tsx';

export interface NotificationDetailProps {
  /** The notification to show. */
  notificationId: string;
  /** The notification as a list already holds it: shown at once, with no request for it. */
  notification?: Notification;
  /** Where its New markers start, when the caller knows better (the pane: as it was when opened, before reading). */
  firstUnreadActivityId?: number | null;
  /** The level of the detail's heading: 1 on a page of its own, 2 beside the list. */
  headingLevel?: 1 | 2;
}

const typeLabel = (type: string) => {
  const clean = type.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return clean ? clean[0]?.toUpperCase() + clean.slice(1) : 'Item';
};

/**
 * Everything about one notification: a task's, todo's task's, deal's or discussion's activity feed under a
 * header naming the item and its parent; for every other type (page, invoice, company, …, an unknown one) a card
 * with what happened. Always a link to the item in Productive.
 */
export function NotificationDetail({
  notificationId,
  notification: given,
  firstUnreadActivityId,
  headingLevel = 2,
}: NotificationDetailProps) {
  const fetched = useQuery({
    ...notificationDetailQueries.detail(notificationId),
    enabled: !given,
  });
  const notification = given ?? fetched.data;
  if (!notification) {
    // Gone, or never there: retrying would not help.
    if (fetched.error instanceof ApiRequestError && fetched.error.status === 404)
      return (
        <EmptyState title="This notification was not found">
          It may have been deleted, or the address is wrong.
        </EmptyState>
      );
    if (fetched.status === 'error')
      return (
        <ErrorState
          title="Could not load the notification"
          message={fetched.error.message}
          onRetry={() => void fetched.refetch()}
        />
      );
    return <ListSkeleton rows={4} avatar label="Loading the notification…" />;
  }
  // A new notification starts with its own filters.
  return (
    <NotificationDetailBody
      key={notification.id}
      notification={notification}
      firstUnreadActivityId={
        firstUnreadActivityId === undefined
          ? notification.firstUnreadActivityId
          : firstUnreadActivityId
      }
      headingLevel={headingLevel}
    />
  );
}

function NotificationDetailBody({
  notification,
  firstUnreadActivityId,
  headingLevel,
}: {
  notification: Notification;
  firstUnreadActivityId: number | null;
  headingLevel: 1 | 2;
}) {
  const [filters, setFilters] = useState<FeedFilters>(NO_FEED_FILTERS);
  const feed = notificationFeed(notification);
  const todoId = markedTodo(notification);
  const type = notification.targetType.toLowerCase();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const title = notification.targetTitle || titleText(notification.title);
  const headingId = `notification-${notification.id}-title`;

  return (
    <article aria-labelledby={headingId} data-testid="notification-detail" data-target-type={type}>
      <header className="space-y-1 border-b border-slate-200 px-3 pt-4 pb-3 sm:px-4 dark:border-slate-800">
        <p className="flex flex-wrap items-baseline justify-between gap-2 text-xs font-medium text-slate-600 dark:text-slate-400">
          <span>{typeLabel(notification.targetLabel || notification.targetType)}</span>
          <OpenInProductive
            target={{
              type: notification.targetType,
              id: notification.targetId,
              parentType: notification.parentType,
              parentId: notification.parentId,
            }}
          />
        </p>
        <Heading id={headingId} className="text-xl font-semibold break-words">
          {title}
        </Heading>
        {notification.parentTitle && (
          <p className="text-sm break-words text-slate-600 dark:text-slate-400">
            {type === 'todo' ? 'on' : 'in'} {notification.parentTitle}
          </p>
        )}
        <p className="text-sm break-words text-slate-800 dark:text-slate-200">
          {notification.actor && <span className="font-medium">{notification.actor.name} </span>}
          <NotificationTitle markup={notification.title} />{' '}
          <RelativeTime
            iso={notification.lastActionAt}
            className="text-xs text-slate-600 dark:text-slate-400"
          />
        </p>
      </header>
      {feed ? (
        <ActivityFeed
          target={feed}
          filters={filters}
          onFiltersChange={setFilters}
          firstUnreadActivityId={firstUnreadActivityId}
          markedTodoId={todoId}
          taskTitle={feed.kind === 'task' ? (type === 'todo' ? undefined : title) : undefined}
        />
      ) : (
        <NotificationCard notification={notification} />
      )}
    </article>
  );
}

/** What a notification without a feed tells: its excerpt and what changed. */
function NotificationCard({ notification }: { notification: Notification }) {
  const changeset = notification.changeset ?? [];
  const isPage = notification.targetType.toLowerCase() === 'page';
  return (
    <section
      aria-label="What happened"
      data-testid="notification-card"
      className="space-y-3 px-3 py-4 sm:px-4"
    >
      {notification.excerpt && (
        <blockquote className="border-l-4 border-slate-300 pl-3 text-sm break-words text-slate-800 dark:border-slate-600 dark:text-slate-200">
          {notification.excerpt}
        </blockquote>
      )}
      <ChangesetList changeset={changeset} />
      {!notification.excerpt && changeset.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The notification tells nothing more.
        </p>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {isPage
          ? 'Productive’s API cannot list a page’s activity, so the page is read in Productive.'
          : 'This kind of item has no activity feed here; it is read in Productive.'}
      </p>
    </section>
  );
}
