import { onlineManager, useMutationState } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { isNetworkError } from '../api/http.ts';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);

export function useOnline() {
  return useSyncExternalStore(
    subscribe,
    () => onlineManager.isOnline(),
    () => true,
  );
}

/** Offline, or a server that cannot be reached, is shown, with how many actions wait to be sent. */
export function OfflineBanner() {
  const online = useOnline();
  // Each pending action: paused (offline), retrying after a network failure, or on its way.
  const pending = useMutationState({
    filters: { status: 'pending' },
    select: ({ state }) =>
      state.isPaused
        ? 'paused'
        : state.failureCount > 0 && isNetworkError(state.failureReason)
          ? 'unreachable'
          : 'sending',
  });
  const waiting = pending.filter((state) => state === 'paused').length;
  const unreachable = pending.filter((state) => state === 'unreachable').length;
  if (online && unreachable === 0) return null;
  const count = online ? unreachable : waiting;
  const actions = `${count} action${count === 1 ? '' : 's'}`;
  return (
    <div
      role="status"
      className="sticky top-0 z-30 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      {online
        ? `The server cannot be reached. Retrying: ${actions} will be sent when it is back.`
        : `You are offline. ${
            count > 0
              ? `${actions} will be sent when you are back online.`
              : 'Showing what was loaded; changes you make will be sent when you are back online.'
          }`}
    </div>
  );
}
