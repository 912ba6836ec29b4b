import { formatDate } from '../../../lib/dates.ts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FeedTarget } from '../../../api/activities.ts';
import { ApiRequestError } from '../../../api/http.ts';
import { NO_FEED_FILTERS, toActivityQuery } from '../model/feed-filters.ts';
import { subjectFromActivities } from '../model/feed-subject.ts';
import { activityQueries, taskQueries } from './activity-queries.ts';

export interface FeedSubjectState {
  status: 'pending' | 'error' | 'success';
  /** The item does not exist (a task the API answers 404 for; a deal or discussion with no activity at all). */
  notFound: boolean;
  error: Error | null;
  title: string | null;
  /** `#12` for a task. */
  number: string | null;
  /** What the header says under the title: project, status, company… */
  details: string[];
}

/**
 * What a feed is about, for its header: a task from its own resource; a deal or discussion from its unfiltered
 * activities (the query the feed shares when no filter is on), because the app reads no deal or discussion
 * resource.
 */
export function useFeedSubject(target: FeedTarget, enabled: boolean): FeedSubjectState {
  const isTask = target.kind === 'task';
  const task = useQuery({ ...taskQueries.detail(String(target.id)), enabled: enabled && isTask });
  const activities = useInfiniteQuery({
    ...activityQueries.list(toActivityQuery(target, NO_FEED_FILTERS)),
    enabled: enabled && !isTask,
  });
  const firstPage = activities.data?.pages[0]?.activities;
  const subject = useMemo(
    () => (firstPage ? subjectFromActivities(target.kind, firstPage) : null),
    [firstPage, target.kind],
  );
  if (isTask) {
    const data = task.data;
    return {
      status: task.status,
      notFound: task.error instanceof ApiRequestError && task.error.status === 404,
      error: task.error,
      title: data?.title ?? null,
      number: data?.number || null,
      details: data
        ? [
            data.projectName,
            data.statusName && `Status: ${data.statusName}`,
            data.closed ? 'Closed' : null,
            data.dueDate && `Due ${formatDate(data.dueDate)}`,
          ].filter((detail): detail is string => !!detail)
        : [],
    };
  }
  return {
    status: activities.status,
    notFound: !!firstPage && firstPage.length === 0,
    error: activities.error,
    title: subject?.title ?? null,
    number: null,
    details: subject?.parent ? [subject.parent] : [],
  };
}
