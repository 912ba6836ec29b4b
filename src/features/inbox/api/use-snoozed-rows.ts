import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { snoozeQueries } from './snooze-queries.ts';

export interface SnoozedRows {
  /** The list as shown: back-from-snooze ones first, then the rest, with every scheduled snooze left out. */
  rows: Notification[];
  /** The rows to mark "Back from snooze". */
  backIds: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A list as snoozing shapes it (docs/decisions/009): a notification snoozed here or on another device is hidden
 * even while a list fetched meanwhile still has it, and in the views of undismissed notifications the ones back
 * from snooze come first, marked, however old their last action is.
 */
export function useSnoozedRows(query: NotificationQuery, loaded: Notification[]): SnoozedRows {
  const { data: snoozes } = useQuery(snoozeQueries.list());
  const scheduled = useMemo(
    () =>
      new Set((snoozes ?? []).filter((s) => s.state === 'scheduled').map((snooze) => snooze.id)),
    [snoozes],
  );
  const wokenIds = useMemo(
    () => (snoozes ?? []).filter((s) => s.state === 'woken').map((snooze) => snooze.id),
    [snoozes],
  );
  const showBack = query.dismissed === false && wokenIds.length > 0;
  const { data: backData } = useInfiniteQuery({
    ...snoozeQueries.back({ ...query, ids: wokenIds }),
    enabled: showBack,
  });
  const back = useMemo(
    () =>
      showBack
        ? (backData?.pages ?? [])
            .flatMap((page) => page.notifications)
            .filter((notification) => !notification.dismissed && !scheduled.has(notification.id))
        : [],
    [showBack, backData, scheduled],
  );
  return useMemo(() => {
    if (back.length === 0 && scheduled.size === 0) return { rows: loaded, backIds: NONE };
    const backIds = new Set(back.map((notification) => notification.id));
    return {
      rows: [...back, ...loaded.filter((item) => !backIds.has(item.id) && !scheduled.has(item.id))],
      backIds,
    };
  }, [back, loaded, scheduled]);
}
