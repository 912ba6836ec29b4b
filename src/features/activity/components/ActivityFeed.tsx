import { useId, useRef } from 'react';
import type { FeedTarget } from '../../../api/activities.ts';
import {
  ErrorState,
  ListSkeleton,
  LoadMoreButton,
  SkippedNote,
} from '../../../components/ListStates.tsx';
import { useActivityFeed } from '../api/use-activity-feed.ts';
import { usePendingComments } from '../api/use-pending-comments.ts';
import { usePendingReplyActions } from '../api/use-send-reply.ts';
import { EVENTS, KINDS, type FeedFilters, type Kind } from '../model/feed-filters.ts';
import { ActivityEntry } from './ActivityEntry.tsx';
import { Composer } from './Composer.tsx';
import { focusComposer } from '../../../lib/focus-composer.ts';
import { PendingReply } from './PendingReply.tsx';

const KIND_LABELS: Record<Kind, string> = {
  comments: 'Comments',
  changes: 'Changes',
  emails: 'Emails',
};

export interface ActivityFeedProps {
  /** Whose activity: a task's, a deal's or a discussion's. */
  target: FeedTarget;
  filters: FeedFilters;
  onFiltersChange: (next: FeedFilters) => void;
  /** A notification's `first_unread_activity_id`: activities from its time on are marked New. */
  firstUnreadActivityId: number | null;
  /** On a task's feed opened from a todo's notification: that todo's own activities are marked. */
  markedTodoId?: number | null;
  /** The task's title, so entries on the task do not repeat "in <task>". */
  taskTitle?: string;
}

/**
 * One feed: its filters, its activities newest (or oldest) first, paged as the end comes near, the replies on
 * their way where they will appear, and the reply composer under it all.
 */
export function ActivityFeed({
  target,
  filters,
  onFiltersChange,
  firstUnreadActivityId,
  markedTodoId = null,
  taskTitle,
}: ActivityFeedProps) {
  const id = useId();
  const { feed, activities, isNew, loadNext, sentinel, people } = useActivityFeed({
    target,
    filters,
    firstUnreadActivityId,
  });
  const { data, hasNextPage, isFetchingNextPage } = feed;
  const list = useRef<HTMLOListElement>(null);
  const pending = usePendingComments(target);
  const replyActions = usePendingReplyActions();
  const pendingReplies = (filters.oldestFirst ? pending : [...pending].reverse()).map((reply) => (
    <PendingReply
      key={reply.entry.key}
      pending={reply}
      onRetry={replyActions.retry}
      onEdit={(key) => {
        if (replyActions.edit(key)) focusComposer(list.current?.parentElement ?? document);
      }}
    />
  ));
  const isMarked = (activity: (typeof activities)[number]) =>
    markedTodoId !== null &&
    activity.itemType.toLowerCase() === 'todo' &&
    activity.itemId === markedTodoId;

  const toggleKind = (kind: Kind) =>
    onFiltersChange({
      ...filters,
      kinds: filters.kinds.includes(kind)
        ? filters.kinds.filter((value) => value !== kind)
        : [...filters.kinds, kind],
    });
  const filtered = filters.kinds.length + filters.events.length + filters.personIds.length > 0;

  return (
    <>
      <section
        role="search"
        aria-label="Filter activity"
        className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 text-sm sm:px-4 dark:border-slate-800"
      >
        {(Object.keys(KINDS) as Kind[]).map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={filters.kinds.includes(kind)}
            onClick={() => toggleKind(kind)}
            className="filter-control aria-pressed:border-brand-600 aria-pressed:bg-brand-100 aria-pressed:text-brand-700"
          >
            {KIND_LABELS[kind]}
          </button>
        ))}
        <label htmlFor={`${id}-event`} className="sr-only">
          Event
        </label>
        <select
          id={`${id}-event`}
          className="filter-control"
          value={filters.events[0] ?? ''}
          onChange={(event) =>
            onFiltersChange({ ...filters, events: event.target.value ? [event.target.value] : [] })
          }
        >
          <option value="">Any event</option>
          {EVENTS.map((name) => (
            <option key={name} value={name}>
              {name[0]?.toUpperCase() + name.slice(1)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-person`} className="sr-only">
          Person
        </label>
        <select
          id={`${id}-person`}
          className="filter-control"
          value={filters.personIds[0] ?? ''}
          onChange={(event) =>
            onFiltersChange({
              ...filters,
              personIds: event.target.value ? [Number(event.target.value)] : [],
            })
          }
        >
          <option value="">Anyone</option>
          {filters.personIds[0] !== undefined &&
            !people.some(([personId]) => personId === filters.personIds[0]) && (
              <option value={filters.personIds[0]}>Person {filters.personIds[0]}</option>
            )}
          {people.map(([personId, name]) => (
            <option key={personId} value={personId}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="filter-control"
          onClick={() => onFiltersChange({ ...filters, oldestFirst: !filters.oldestFirst })}
        >
          {filters.oldestFirst ? 'Oldest first' : 'Newest first'}
          <span className="sr-only"> (change order)</span>
        </button>
        {filtered && (
          <button
            type="button"
            className="px-1 font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
            onClick={() => onFiltersChange({ ...filters, kinds: [], events: [], personIds: [] })}
          >
            Clear filters
          </button>
        )}
      </section>

      {feed.status === 'pending' && <ListSkeleton rows={6} avatar label="Loading the activity…" />}
      {feed.status === 'error' && !data && (
        <ErrorState
          title="Could not load the activity"
          message={feed.error.message}
          onRetry={() => void feed.refetch()}
        />
      )}
      {data && activities.length === 0 && !hasNextPage && pending.length === 0 && (
        <p className="px-4 py-16 text-center text-lg font-medium">
          {filtered
            ? 'No activity matches these filters'
            : `No activity on this ${target.kind} yet`}
        </p>
      )}
      <ol aria-label="Activity" ref={list} tabIndex={-1} className="focus:outline-none">
        {!filters.oldestFirst && pendingReplies}
        {activities.map((activity) => (
          <ActivityEntry
            key={activity.id}
            activity={activity}
            isNew={isNew(activity)}
            taskTitle={taskTitle}
            marker={isMarked(activity) ? 'This todo' : undefined}
          />
        ))}
        {filters.oldestFirst && pendingReplies}
      </ol>
      <SkippedNote
        count={data?.pages.reduce((sum, page) => sum + (page.skipped ?? 0), 0) ?? 0}
        noun="activity"
        plural="activities"
      />
      <div ref={sentinel} />
      {isFetchingNextPage && <ListSkeleton rows={2} avatar />}
      {hasNextPage && !isFetchingNextPage && (
        <LoadMoreButton label="Load older activity" onClick={loadNext} />
      )}
      <Composer
        key={`${target.kind}:${target.id}`}
        target={target}
        onLeave={() => list.current?.focus({ preventScroll: true })}
      />
    </>
  );
}
