import type { Notification, NotificationQuery } from '../../../api/notifications.ts';
import { matchesFilters } from '../../../replica/view.ts';

/** The project a notification belongs to, when the client can tell (a todo's project is not in the record). */
function projectOf(notification: Notification): number | null {
  return notification.parentType === 'project' ? notification.parentId : null;
}

/**
 * Whether the server would list this notification for the query: true, false, or null when the client
 * cannot tell (then the list is left alone and the refetch after the action settles decides).
 */
export function matchesQuery(notification: Notification, query: NotificationQuery): boolean | null {
  if (!matchesFilters(notification, query)) return false;
  if (query.projectIds?.length) {
    const project = projectOf(notification);
    if (project === null) return null;
    if (!query.projectIds.includes(project)) return false;
  }
  return true;
}
