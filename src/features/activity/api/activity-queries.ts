import { infiniteQueryOptions, queryOptions, type QueryKey } from '@tanstack/react-query';
import {
  getActivities,
  getActivity,
  type ActivityQuery,
  type FeedTarget,
} from '../../../api/activities.ts';
import { getTask } from '../../../api/tasks.ts';

export const activityQueries = {
  all: () => ['activities'] as const,
  lists: () => [...activityQueries.all(), 'list'] as const,
  list: (query: ActivityQuery) =>
    infiniteQueryOptions({
      queryKey: [...activityQueries.lists(), query] as const,
      queryFn: ({ pageParam, signal }) => getActivities(query, pageParam, signal),
      initialPageParam: 1,
      getNextPageParam: (lastPage, _pages, lastPageParam) =>
        lastPage.hasNextPage ? lastPageParam + 1 : undefined,
    }),
  /** Is this key a feed of this item's (whatever its filters)? The key's shape is read here only. */
  isFeedOf: (key: QueryKey, target: FeedTarget): boolean => {
    const [root, kind, query] = key as readonly [
      unknown,
      unknown,
      Partial<ActivityQuery> | undefined,
    ];
    return (
      root === activityQueries.all()[0] &&
      kind === activityQueries.lists()[1] &&
      query?.target?.kind === target.kind &&
      query.target.id === target.id
    );
  },
  details: () => [...activityQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...activityQueries.details(), id] as const,
      queryFn: ({ signal }) => getActivity(id, signal),
    }),
};

export const taskQueries = {
  all: () => ['tasks'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getTask(id, signal),
    }),
};
