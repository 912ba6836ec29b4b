import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '../../../components/toasts.tsx';
import { enqueueBulk, type BulkRequest } from './bulk-entry.ts';

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
      // Durable at once; the runner's code follows (a page gone meanwhile leaves the entry to the next).
      const entry = enqueueBulk(request);
      void import('./bulk-actions.ts').then(
        ({ runBulkEntry }) => runBulkEntry(entry, { queryClient, showToast }),
        () =>
          showToast({
            tone: 'error',
            message:
              'The bulk action is saved on this device but its code could not be loaded: it runs on the next page load.',
          }),
      );
    },
    [queryClient, showToast],
  );
}
