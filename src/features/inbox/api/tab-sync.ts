import type { QueryClient } from '@tanstack/react-query';
import type { CacheAction } from '../model/cache-updates.ts';
import { notificationQueries } from './notification-queries.ts';

/** What one tab tells the others: an action to mirror in their caches, or that they should refetch once. */
export type TabMessage =
  { type: 'action'; ids: string[]; action: CacheAction; wakeAt?: string } | { type: 'refresh' };

const CHANNEL = 'productive-inbox';
let channel: BroadcastChannel | null = null;
const getChannel = () => {
  if (!channel && typeof BroadcastChannel !== 'undefined') channel = new BroadcastChannel(CHANNEL);
  return channel;
};

export function tellOtherTabs(message: TabMessage) {
  getChannel()?.postMessage(message);
}

/**
 * Mirrors other tabs' actions in this tab's cache, with no request at all; a "refresh" (an action that failed
 * somewhere) refetches the lists once, however many arrive together.
 */
export function listenToOtherTabs(
  queryClient: QueryClient,
  mirror: (ids: string[], action: CacheAction, wakeAt?: string) => void,
): () => void {
  const source = getChannel();
  if (!source) return () => {};
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const onMessage = (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (message?.type === 'action' && Array.isArray(message.ids))
      mirror(message.ids, message.action, message.wakeAt);
    if (message?.type === 'refresh') {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: notificationQueries.lists() }),
        300,
      );
    }
  };
  source.addEventListener('message', onMessage);
  return () => {
    clearTimeout(refreshTimer);
    source.removeEventListener('message', onMessage);
  };
}
