import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../../api/http.ts';
import { activityAddress, feedAddress, ROUTES } from '../../../lib/addresses.ts';
import { activityQueries } from '../api/activity-queries.ts';
import { ActivityEntry } from './ActivityEntry.tsx';
import { ErrorState, ListSkeleton } from '../../../components/ListStates.tsx';
import { IgnoredNotice } from '../../../components/IgnoredNotice.tsx';
import { FeedNotFound } from './FeedStates.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

/** One activity on its own, with a link to its task. */
export function ActivityPage() {
  const { activityId = '' } = useParams();
  const [searchParams] = useSearchParams();
  // This page takes no parameters: any in the address are named as ignored.
  const ignored = [...searchParams].map(([name, value]) => `${name}=${value.slice(0, 40)}`);
  const valid = /^\d{1,15}$/.test(activityId);
  const activity = useQuery({ ...activityQueries.detail(activityId), enabled: valid });
  useDocumentTitle('Activity');
  if (!valid || (activity.error instanceof ApiRequestError && activity.error.status === 404))
    return <FeedNotFound what="activity" />;
  return (
    <main className="mx-auto max-w-3xl">
      <header className="px-3 pt-4 pb-2 sm:px-4">
        <Link
          to={ROUTES.inbox}
          className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
        >
          ← Inbox
        </Link>
        <h1 className="mt-2 text-xl font-semibold">Activity</h1>
      </header>
      <IgnoredNotice ignored={ignored} cleanHref={activityAddress(activityId)} />
      {activity.status === 'pending' && (
        <ListSkeleton rows={1} avatar label="Loading the activity…" />
      )}
      {activity.status === 'error' && (
        <ErrorState
          title="Could not load the activity"
          message={activity.error.message}
          onRetry={() => void activity.refetch()}
        />
      )}
      {activity.data && (
        <>
          <ul>
            <ActivityEntry activity={activity.data} isNew={false} />
          </ul>
          {activity.data.feed !== null && (
            <p className="px-4 py-3 text-sm">
              <Link
                to={feedAddress(activity.data.feed)}
                className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
              >
                Open the {activity.data.feed.kind}’s activity
              </Link>
            </p>
          )}
        </>
      )}
    </main>
  );
}
