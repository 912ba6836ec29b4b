import type { Notification, NotificationQuery } from '../../../api/notifications.ts';

/** The project a notification belongs to, when the client can tell (a todo's project is not in the record). */
function projectOf(notification: Notification): number | null {
  return notification.parentType === 'project' ? notification.parentId : null;
}

/**
 * Whether the server would list this notification for the query: true, false, or null when the client
 * cannot tell (then the list is left alone and the refetch after the action settles decides).
 */
export function matchesQuery(notification: Notification, query: NotificationQuery): boolean | null {
  if (query.ids && !query.ids.includes(notification.id)) return false;
  if (query.dismissed !== undefined && notification.dismissed !== query.dismissed) return false;
  if (query.important !== undefined && notification.important !== query.important) return false;
  if (query.mention !== undefined && notification.mention !== query.mention) return false;
  if (query.types?.length && !query.types.includes(notification.targetType.toLowerCase()))
    return false;
  const time = notification.lastActionAt ? Date.parse(notification.lastActionAt) : NaN;
  if (query.after && !(time > Date.parse(query.after))) return false;
  if (query.before && !(time < Date.parse(query.before))) return false;
  if (query.projectIds?.length) {
    const project = projectOf(notification);
    if (project === null) return null;
    if (!query.projectIds.includes(project)) return false;
  }
  return true;
}
