import { useMemo, useState } from 'react';
import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { recentDismissedSince } from '../../../replica/sync-window.ts';
import type { SelectionEvent } from '../model/selection.ts';
import { useMatchingSelection } from './use-select-all-matching.ts';

/**
 * "Select all matching" for one view: it asks the server for what the view lists, which for Dismissed is what the
 * replica holds (the last 30 days).
 */
export function useViewMatching(
  query: NotificationQuery,
  byId: ReadonlyMap<string, Notification>,
  dispatch: (event: SelectionEvent) => void,
) {
  const [recentSince] = useState(recentDismissedSince);
  const matchingQuery = useMemo(
    () =>
      query.dismissed && !(query.after && query.after > recentSince)
        ? { ...query, after: recentSince }
        : query,
    [query, recentSince],
  );
  return useMatchingSelection(matchingQuery, byId, dispatch);
}
