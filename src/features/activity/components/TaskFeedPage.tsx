import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { Activity } from '../../../api/activities.ts';
import { ApiRequestError } from '../../../api/http.ts';
import { useLoadMore } from '../../../lib/use-load-more.ts';
import { activityQueries, taskQueries } from '../api/activity-queries.ts';
import {
  EVENTS,
  feedSearchParams,
  KINDS,
  parseFeedFilters,
  toActivityQuery,
  type FeedFilters,
  type Kind,
} from '../model/feed-filters.ts';
import { ActivityEntry } from './ActivityEntry.tsx';
import { ErrorState, ListSkeleton, LoadMoreButton } from '../../../components/ListStates.tsx';
import { IgnoredNotice } from '../../../components/IgnoredNotice.tsx';
import { FeedNotFound } from './FeedStates.tsx';
import { formatDate } from '../../../lib/dates.ts';

const MAX_PAGES_TO_FIND_UNREAD = 10;
const KIND_LABELS: Record<Kind, string> = {
  comments: 'Comments',
  changes: 'Changes',
  emails: 'Emails',
};
const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

/** Where "back to the inbox" goes: the inbox address the user came from, filters included. */
/** Where "Back to the inbox" goes (the list with its filters), and the row to focus there. */
function useBackTo(): { href: string; state: { focusNotification: string } | undefined } {
  const { state } = useLocation();
  const { from, opened } = (state ?? {}) as { from?: unknown; opened?: unknown };
  return {
    href: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/',
    state: typeof opened === 'string' ? { focusNotification: opened } : undefined,
  };
}

export function TaskFeedPage() {
  const { taskId = '' } = useParams();
  const valid = /^\d{1,15}$/.test(taskId);
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const backTo = useBackTo();
  const id = useId();
  const { filters, ignored } = useMemo(() => parseFeedFilters(searchParams), [searchParams]);
  const setFilters = (next: FeedFilters) =>
    setSearchParams(feedSearchParams(next, searchParams), { state: location.state });

  const task = useQuery({ ...taskQueries.detail(taskId), enabled: valid });
  const feed = useInfiniteQuery({
    ...activityQueries.list(toActivityQuery(Number(taskId), filters)),
    enabled: valid,
  });
  const unreadId = searchParams.get('unread');
  const firstUnread = useQuery({
    ...activityQueries.detail(unreadId ?? ''),
    enabled: valid && !!unreadId && /^[1-9]\d{0,14}$/.test(unreadId),
  });

  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  const activities = useMemo(() => data?.pages.flatMap((page) => page.activities) ?? [], [data]);
  const newSince = firstUnread.data ? Date.parse(firstUnread.data.createdAt) : null;
  const isNew = useCallback(
    (activity: Activity) => newSince !== null && Date.parse(activity.createdAt) >= newSince,
    [newSince],
  );
  const firstNew = useMemo(
    () =>
      activities
        .filter(isNew)
        .sort(
          (a, b) =>
            Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id),
        )[0],
    [activities, isNew],
  );
  const oldestLoaded = activities.reduce(
    (oldest, activity) => Math.min(oldest, Date.parse(activity.createdAt)),
    Infinity,
  );
  const unreadReached =
    newSince === null || filters.oldestFirst || !hasNextPage || oldestLoaded <= newSince;

  // Newest first, the first unread activity may sit on a later page: load on until it is there.
  const pageCount = data?.pages.length ?? 0;
  useEffect(() => {
    if (!unreadReached && !isFetchingNextPage && pageCount < MAX_PAGES_TO_FIND_UNREAD)
      void fetchNextPage();
  }, [unreadReached, isFetchingNextPage, pageCount, fetchNextPage]);

  // Newest first, the newest new activity is the first entry: the page opens at its top, with the header. Oldest
  // first, it scrolls once to where the new ones begin.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!firstNew || !unreadReached || scrolledTo.current === firstNew.id) return;
    scrolledTo.current = firstNew.id;
    if (!filters.oldestFirst) window.scrollTo({ top: 0 });
    else
      document
        .querySelector(`[data-activity-id="${firstNew.id}"]`)
        ?.scrollIntoView({ block: 'center' });
  }, [firstNew, unreadReached, filters.oldestFirst]);

  useEffect(() => {
    if (task.data)
      document.title = `${task.data.number ? `#${task.data.number} ` : ''}${task.data.title}`;
  }, [task.data]);

  const loadNext = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const sentinel = useLoadMore(!!hasNextPage && !isFetchingNextPage, loadNext);

  const people = useMemo(() => {
    const byId = new Map<number, string>();
    for (const activity of activities)
      if (activity.creator) byId.set(Number(activity.creator.id), activity.creator.name);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [activities]);

  if (!valid || isNotFound(task.error)) return <FeedNotFound what="task" />;

  const toggleKind = (kind: Kind) =>
    setFilters({
      ...filters,
      kinds: filters.kinds.includes(kind)
        ? filters.kinds.filter((value) => value !== kind)
        : [...filters.kinds, kind],
    });
  const filtered = filters.kinds.length + filters.events.length + filters.personIds.length > 0;

  return (
    <main className="mx-auto max-w-3xl pb-16">
      <header className="border-b border-slate-200 px-3 pt-4 pb-3 sm:px-4 dark:border-slate-800">
        <Link
          to={backTo.href}
          state={backTo.state}
          className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
        >
          ← Back to the inbox
        </Link>
        {task.status === 'pending' && (
          <div
            aria-hidden="true"
            className="mt-2 h-7 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800"
          />
        )}
        {task.data && (
          <>
            <h1 className="mt-2 text-xl font-semibold break-words">
              {task.data.number && (
                <span className="text-slate-600 dark:text-slate-400">#{task.data.number} </span>
              )}
              {task.data.title}
            </h1>
            <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600 dark:text-slate-400">
              {task.data.projectName && <span>{task.data.projectName}</span>}
              {task.data.statusName && <span>Status: {task.data.statusName}</span>}
              {task.data.closed && <span className="font-medium">Closed</span>}
              {task.data.dueDate && <span>Due {formatDate(task.data.dueDate)}</span>}
            </p>
          </>
        )}
        {task.status === 'error' && (
          <p className="mt-2 text-sm text-red-700">Could not load the task: {task.error.message}</p>
        )}
      </header>

      <IgnoredNotice ignored={ignored} cleanHref={`?${feedSearchParams(filters, searchParams)}`} />

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
            setFilters({ ...filters, events: event.target.value ? [event.target.value] : [] })
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
            setFilters({
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
          onClick={() => setFilters({ ...filters, oldestFirst: !filters.oldestFirst })}
        >
          {filters.oldestFirst ? 'Oldest first' : 'Newest first'}
          <span className="sr-only"> (change order)</span>
        </button>
        {filtered && (
          <button
            type="button"
            className="px-1 font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
            onClick={() => setFilters({ ...filters, kinds: [], events: [], personIds: [] })}
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
      {data && activities.length === 0 && !hasNextPage && (
        <p className="px-4 py-16 text-center text-lg font-medium">
          {filtered ? 'No activity matches these filters' : 'No activity on this task yet'}
        </p>
      )}
      <ol aria-label="Activity">
        {activities.map((activity) => (
          <ActivityEntry
            key={activity.id}
            activity={activity}
            isNew={isNew(activity)}
            taskTitle={task.data?.title}
          />
        ))}
      </ol>
      <div ref={sentinel} />
      {isFetchingNextPage && <ListSkeleton rows={2} avatar />}
      {hasNextPage && !isFetchingNextPage && (
        <LoadMoreButton label="Load older activity" onClick={loadNext} />
      )}
    </main>
  );
}
