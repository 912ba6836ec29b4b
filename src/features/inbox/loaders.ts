import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { notificationQueries } from './api/notification-queries.ts';
import { projectQueries } from './api/project-queries.ts';
import { snoozeQueries } from './api/snooze-queries.ts';
import { knownProjectIdsOf } from './api/use-projects.ts';
import {
  applicableFilters,
  NO_FILTERS,
  parseFilters,
  toNotificationQuery,
  type ViewName,
} from './model/filters.ts';

/**
 * An inbox view's loader: starts the requests its first rows need (the list as the address filters it, the
 * snoozes that hide rows, the projects the filters name, the Inbox view's unread count) with the same
 * `queryOptions` the page uses, before the page's code has arrived. It does not wait for them: the page shows
 * its own skeleton and errors, and reads the answers from the cache.
 */
export const inboxLoader =
  (queryClient: QueryClient, view: ViewName) =>
  ({ request }: LoaderFunctionArgs) => {
    const parsed = parseFilters(new URL(request.url).searchParams);
    const projects = queryClient.getQueryData(projectQueries.list().queryKey);
    const { filters } = applicableFilters(view, parsed.filters, knownProjectIdsOf(projects));
    void queryClient.prefetchInfiniteQuery(
      notificationQueries.list(toNotificationQuery(view, filters)),
    );
    void queryClient.prefetchQuery(snoozeQueries.list());
    void queryClient.prefetchQuery(projectQueries.list());
    // The same query as the list's in the unfiltered Inbox view: asked once.
    void queryClient.prefetchInfiniteQuery(
      notificationQueries.list(toNotificationQuery('inbox', NO_FILTERS)),
    );
    return null;
  };

/** The Snoozed view's loader: the snoozes (the notifications they are for follow from them). */
export const snoozedLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(snoozeQueries.list());
  return null;
};
