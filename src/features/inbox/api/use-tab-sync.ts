import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listenToOtherTabs } from './tab-sync.ts';

// How an action changes the cached lists: not part of the first screen, it downloads with the first action told.
const actionCode = () => import('./use-notification-action.ts');

/** Keeps this tab's lists in step with actions taken in the app's other tabs (in the order they are told). */
export function useTabSync() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let stopped = false;
    let applied: Promise<unknown> = Promise.resolve();
    const stop = listenToOtherTabs(queryClient, (ids, action, wakeAt) => {
      applied = applied.then(actionCode).then((module) => {
        if (!stopped) module.updateCachedLists(queryClient, ids, action, wakeAt);
      });
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [queryClient]);
}
