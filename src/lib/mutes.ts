import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getMutes, muteIdOf, type Mute, type MuteTarget } from '../api/mutes.ts';
import type { Notification, NotificationQuery } from '../api/notifications.ts';

/** While the app is open it asks again this often (the server dismisses what arrived on mutes on each visit). */
export const MUTE_POLL_MS = 30_000;

/** Said wherever muting is offered. */
export const MUTE_SCOPE_NOTE =
  'Only this inbox is affected: Productive’s own email and mobile notifications still arrive.';

export const muteQueries = {
  all: () => ['mutes'] as const,
  list: () =>
    queryOptions({
      queryKey: [...muteQueries.all(), 'list'] as const,
      queryFn: () => getMutes(),
      refetchInterval: MUTE_POLL_MS,
      staleTime: 10_000,
    }),
};

/** What a notification's item mute is: its target. */
export const itemTargetOf = (notification: Notification): MuteTarget => ({
  kind: 'item',
  targetType: notification.targetType.toLowerCase(),
  targetId: String(notification.targetId),
});

/**
 * Whether a notification is one a mute dismisses: activity on a muted item after it was muted, not mentioning
 * the person. (A muted project's are known to the server only: a notification does not say its project.)
 */
export function isMutedArrival(notification: Notification, mutes: ReadonlyMap<string, Mute>) {
  if (notification.mention || notification.dismissed) return false;
  const mute = mutes.get(muteIdOf(itemTargetOf(notification)));
  if (!mute || !notification.lastActionAt) return false;
  return Date.parse(notification.lastActionAt) > Date.parse(mute.mutedAt);
}

/**
 * A list as muting shapes it: in the views of undismissed notifications, what arrived on a muted item is hidden
 * at once, before the server's round (at most 30 s) dismisses it. The notification open in the pane stays.
 */
export function useMutedRows(
  query: NotificationQuery,
  rows: Notification[],
  /** Shown whatever happens (the one open in the reading pane, those opened from the list). */
  kept: ReadonlySet<string>,
): Notification[] {
  const { data: mutes } = useQuery(muteQueries.list());
  return useMemo(() => {
    if (query.dismissed !== false || !mutes?.length) return rows;
    const byId = new Map(mutes.map((mute) => [mute.id, mute]));
    const shown = rows.filter((row) => kept.has(row.id) || !isMutedArrival(row, byId));
    return shown.length === rows.length ? rows : shown;
  }, [query.dismissed, mutes, rows, kept]);
}
