import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Activity, FeedTarget } from '../../../api/activities.ts';
import { useAutoPaging } from '../../../lib/use-auto-paging.ts';
import { toActivityQuery, type FeedFilters } from '../model/feed-filters.ts';
import { activityQueries } from './activity-queries.ts';

const MAX_PAGES_TO_FIND_UNREAD = 10;

interface Options {
  target: FeedTarget;
  filters: FeedFilters;
  /** Activities from this one's time on are New (a notification's `first_unread_activity_id`). */
  firstUnreadActivityId: number | null;
  enabled?: boolean;
}

/**
 * One feed's activities, paged: loads on until the first unread activity is there (newest first it may sit on
 * a later page), scrolls to the first New one once, and loads the next page as the end comes near.
 */
export function useActivityFeed({
  target,
  filters,
  firstUnreadActivityId,
  enabled = true,
}: Options) {
  const feed = useInfiniteQuery({
    ...activityQueries.list(toActivityQuery(target, filters)),
    enabled,
  });
  const firstUnread = useQuery({
    ...activityQueries.detail(String(firstUnreadActivityId ?? '')),
    enabled: enabled && firstUnreadActivityId !== null && firstUnreadActivityId > 0,
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

  const { sentinel, loadNext } = useAutoPaging(
    {
      hasNextPage: !!hasNextPage,
      isFetchingNextPage,
      pageCount: data?.pages.length ?? 0,
      fetchNextPage,
    },
    { wantMore: !unreadReached, maxPages: MAX_PAGES_TO_FIND_UNREAD },
  );

  // Newest first, the newest new activity is the first entry: the page opens at its top, with the header. Oldest
  // first, it scrolls once to where the new ones begin.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!firstNew || !unreadReached || scrolledTo.current === firstNew.id) return;
    scrolledTo.current = firstNew.id;
    // Beside the list the feed scrolls in its pane (`data-scroll-root`), never the list's window.
    if (!filters.oldestFirst)
      (document.querySelector<HTMLElement>('[data-scroll-root]') ?? window).scrollTo({ top: 0 });
    else
      document
        .querySelector(`[data-activity-id="${firstNew.id}"]`)
        ?.scrollIntoView({ block: 'center' });
  }, [firstNew, unreadReached, filters.oldestFirst]);

  /** Everyone who appears in what is loaded, by name, for the person filter. */
  const people = useMemo(() => {
    const byId = new Map<number, string>();
    for (const activity of activities)
      if (activity.creator) byId.set(Number(activity.creator.id), activity.creator.name);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [activities]);

  return { feed, activities, isNew, loadNext, sentinel, people };
}
