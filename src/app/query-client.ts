import { notifyManager, QueryClient } from '@tanstack/react-query';
import { connectOnlineManager } from '../api/connection.ts';
import { ApiRequestError, isNetworkError } from '../api/http.ts';
import { ACTION_KIND } from '../features/inbox/api/notification-action-key.ts';
import { hasWaiting } from '../outbox/waiting.ts';

/** The query client's policy in one place. */
export function createQueryClient(): QueryClient {
  // Cache changes reach React in a microtask, not a macrotask (the default setTimeout): an optimistic update
  // paints in the frame of the click that made it.
  notifyManager.setScheduler(queueMicrotask);
  // Online means the browser is online and the server answers, measured (src/api/connection.ts): queued actions
  // and queries wait while it does not, and go the moment it answers again.
  connectOnlineManager();
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Not while actions (this tab's, or another's still queued) are on their way: the lists would come back
        // without them. Their settling refreshes the lists.
        refetchOnReconnect: () => !queryClient.isMutating() && !hasWaiting(ACTION_KIND),
        retry: (failureCount, error) => {
          // A request the server refused for what it is will fail again: do not hammer it.
          if (
            error instanceof ApiRequestError &&
            error.status >= 400 &&
            error.status < 500 &&
            error.status !== 429
          )
            return false;
          return failureCount < 2;
        },
      },
      mutations: {
        // An action that could not reach the server (status 0: offline, server down or restarting, no answer in
        // time) is not refused: it keeps trying, backing off to every 4 s (React Query pauses while offline),
        // instead of being rolled back and lost. The row says "Waiting to sync" meanwhile. While the server cannot
        // be reached the action pauses, and continues as soon as it answers (src/api/connection.ts).
        retry: (_failureCount, error) => isNetworkError(error),
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
      },
    },
  });
  return queryClient;
}
