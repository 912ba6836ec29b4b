import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getActivities, getActivity, type ActivityQuery } from '../../../api/activities.ts';
import { activityKeys } from './activity-keys.ts';
import { getTask } from '../../../api/tasks.ts';

export const activityQueries = {
  all: activityKeys.all,
  lists: activityKeys.lists,
  list: (query: ActivityQuery) =>
    infiniteQueryOptions({
      queryKey: [...activityQueries.lists(), query] as const,
      queryFn: ({ pageParam, signal }) => getActivities(query, pageParam, signal),
      initialPageParam: 1,
      getNextPageParam: (lastPage, _pages, lastPageParam) =>
        lastPage.hasNextPage ? lastPageParam + 1 : undefined,
    }),
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
