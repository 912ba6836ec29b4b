import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listenToOtherTabs } from './tab-sync.ts';
import { updateCachedLists } from './use-notification-action.ts';

/** Keeps this tab's lists in step with actions taken in the app's other tabs. */
export function useTabSync() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      listenToOtherTabs(queryClient, (ids, action, wakeAt) =>
        updateCachedLists(queryClient, ids, action, wakeAt),
      ),
    [queryClient],
  );
}
