import type { NotificationQuery } from '../../../api/notifications.ts';
import { NO_FILTERS, toNotificationQuery, type ReadState, type ViewName } from './filters.ts';

const EMPTY_HINT: Record<ViewName, string> = {
  inbox: 'New notifications show here as they come; what you dismiss waits under Dismissed.',
  important: 'Notifications Productive marks important show here.',
  mentions: 'Notifications where someone mentions you show here.',
  dismissed: 'What you dismiss waits here; Restore brings it back to the Inbox.',
};

/** What to do about an empty list: other words, wider filters, or what will show here. */
export function emptyHint(
  view: ViewName,
  query: NotificationQuery,
  read: ReadState | null,
  search: string,
): string {
  if (search.trim())
    return 'Search finds every word in the sender, title, project or excerpt of this view’s notifications. Try fewer or other words, or press Esc to clear it.';
  const filtered =
    read !== null ||
    JSON.stringify(query) !== JSON.stringify(toNotificationQuery(view, NO_FILTERS));
  return filtered ? 'Remove a filter above, or clear them all, to see more.' : EMPTY_HINT[view];
}
