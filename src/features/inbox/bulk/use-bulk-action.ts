import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '../../../components/toasts.tsx';
import type { BulkRequest } from './bulk-entry.ts';

/** More ids than this go through a bulk run (progress, pacing, per-item durability); fewer fit in one 10 s window. */
export const BULK_THRESHOLD = 100;

/**
 * The entry point for bulk actions in a component (group headers, the selection bar): `startBulk({ action, ids })`.
 * The runner (bulk-actions.ts, which documents how it runs) is downloaded on first use.
 */
export function useBulkAction(): (request: BulkRequest) => void {
  const queryClient = useQueryClient();
  const showToast = useToast();
  return useCallback(
    (request: BulkRequest) => {
      // The runner's code is downloaded on first use (it is asked for ahead, see prefetchBulkRunner); it writes the
      // entry to the outbox before anything is sent.
      void import('./bulk-actions.ts').then(
        ({ startBulk }) => startBulk(request, { queryClient, showToast }),
        () =>
          showToast({
            tone: 'error',
            message:
              'Could not start the bulk action: the app could not be loaded. Check your connection.',
          }),
      );
    },
    [queryClient, showToast],
  );
}

/** Downloads the runner ahead of its first use (a large selection was made), so that starting it waits for nothing. */
export function prefetchBulkRunner(): void {
  void import('./bulk-actions.ts').catch(() => {});
}
