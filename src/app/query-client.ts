import { notifyManager, onlineManager, QueryClient } from '@tanstack/react-query';
import { ApiRequestError, isNetworkError } from '../api/http.ts';

// Lives with the HTTP client (components read it too); re-exported for the app's existing imports.
export { isNetworkError };

/** The query client's policy in one place. */
export function createQueryClient(): QueryClient {
  // Cache changes reach React in a microtask, not a macrotask (the default setTimeout): an optimistic update
  // paints in the frame of the click that made it.
  notifyManager.setScheduler(queueMicrotask);
  // React Query assumes it is online until told otherwise; a page loaded offline must start offline, so that
  // queued actions wait instead of failing.
  if (typeof navigator !== 'undefined' && navigator.onLine === false)
    onlineManager.setOnline(false);
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        refetchOnReconnect: () => !queryClient.isMutating(),
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
        // time) is not refused: it keeps trying, backing off to every 10 s (React Query pauses while offline),
        // instead of being rolled back and lost. The row says "Waiting to sync" meanwhile.
        retry: (_failureCount, error) => isNetworkError(error),
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 10_000),
      },
    },
  });
  return queryClient;
}
