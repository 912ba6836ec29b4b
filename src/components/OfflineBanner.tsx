import { onlineManager, useMutationState } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);

export function useOnline() {
  return useSyncExternalStore(
    subscribe,
    () => onlineManager.isOnline(),
    () => true,
  );
}

/** Offline is shown, with how many actions wait to be sent. */
export function OfflineBanner() {
  const online = useOnline();
  const waiting = useMutationState({
    filters: { status: 'pending' },
    select: (mutation) => mutation.state.isPaused,
  }).filter(Boolean).length;
  if (online) return null;
  return (
    <div
      role="status"
      className="sticky top-0 z-30 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      You are offline.{' '}
      {waiting > 0
        ? `${waiting} action${waiting === 1 ? '' : 's'} will be sent when you are back online.`
        : 'Showing what was loaded; changes you make will be sent when you are back online.'}
    </div>
  );
}
