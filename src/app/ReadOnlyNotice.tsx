import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationQueries } from '../features/inbox/api/notification-queries.ts';
import {
  isReadOnly,
  READ_ONLY_MESSAGE,
  READ_ONLY_NOTICE_ID,
  subscribeWriteAccess,
} from '../api/write-access.ts';
import { useReadOnly } from '../lib/use-write-access.ts';

/**
 * Says once, plainly, that this token can only read, and keeps saying it at the top while the page lasts. The
 * moment that is known, the writes still waiting are dropped and the lists refetched (showing them undone).
 */
export function ReadOnlyNotice() {
  const readOnly = useReadOnly();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeWriteAccess(() => {
        if (!isReadOnly()) return;
        // The replies' queue is not part of the first screen: loaded only now.
        void import('../api/read-only-writes.ts').then(({ dropWaitingWrites }) => {
          dropWaitingWrites(READ_ONLY_MESSAGE);
          void queryClient.invalidateQueries({ queryKey: notificationQueries.all() });
        });
      }),
    [queryClient],
  );
  return (
    <div role="status">
      {readOnly && (
        <p
          id={READ_ONLY_NOTICE_ID}
          className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
        >
          {READ_ONLY_MESSAGE}
        </p>
      )}
    </div>
  );
}
