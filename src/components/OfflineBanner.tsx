import { formatCount } from '../lib/formats.ts';
import { useMutationState } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { browserOnline, serverReach, subscribeConnection } from '../api/connection.ts';

type Connection = 'online' | 'offline' | 'unreachable';
const connection = (): Connection =>
  !browserOnline() ? 'offline' : serverReach() === 'unreachable' ? 'unreachable' : 'online';

/** The connection as last measured (src/api/connection.ts): online, offline, or a server that cannot be reached. */
export function useConnection(): Connection {
  return useSyncExternalStore(subscribeConnection, connection, () => 'online');
}

/** Offline, or a server that cannot be reached, is shown from the first paint, with how many actions wait. */
export function OfflineBanner() {
  const state = useConnection();
  const count = useMutationState({ filters: { status: 'pending' } }).length;
  if (state === 'online') return null;
  const actions = `${formatCount(count)} action${count === 1 ? '' : 's'}`;
  return (
    <div
      role="status"
      className="sticky top-0 z-30 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      {state === 'unreachable'
        ? `The server cannot be reached. ${
            count > 0
              ? `Retrying: ${actions} will be sent when it is back.`
              : 'Showing what was loaded; changes you make will be sent when it is back.'
          }`
        : `You are offline. ${
            count > 0
              ? `${actions} will be sent when you are back online.`
              : 'Showing what was loaded; changes you make will be sent when you are back online.'
          }`}
    </div>
  );
}
