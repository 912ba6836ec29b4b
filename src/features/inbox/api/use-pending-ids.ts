import { useMutationState } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  notificationActionKey,
  type NotificationActionVariables,
} from './notification-action-key.ts';

/**
 * The notifications an action waits on the network for (offline, or retrying after a request that never
 * answered): their rows say "Waiting to sync".
 */
export function usePendingIds(): ReadonlySet<string> {
  const waiting = useMutationState({
    filters: { mutationKey: notificationActionKey, status: 'pending' },
    select: (mutation) =>
      mutation.state.isPaused || mutation.state.failureCount > 0
        ? ((mutation.state.variables as NotificationActionVariables | undefined)?.ids ?? [])
        : [],
  });
  return useMemo(() => new Set(waiting.flat()), [waiting]);
}
