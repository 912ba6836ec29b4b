import { useInfiniteQuery } from '@tanstack/react-query';
import { notificationQueries } from '../api/notification-queries.ts';

export function InboxPage() {
  const { data, status, error, refetch } = useInfiniteQuery(
    notificationQueries.list({ dismissed: false }),
  );
  const total = data?.pages[0]?.totalCount;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Inbox</h1>
      {status === 'pending' && <p className="mt-4 text-slate-500">Loading notifications…</p>}
      {status === 'error' && (
        <div role="alert" className="mt-4">
          <p>Could not load notifications: {error.message}</p>
          <button type="button" onClick={() => void refetch()} className="mt-2 underline">
            Try again
          </button>
        </div>
      )}
      {status === 'success' && (
        <p className="mt-4" data-testid="notification-count">
          {total ?? 0} notifications in your inbox
        </p>
      )}
    </main>
  );
}
