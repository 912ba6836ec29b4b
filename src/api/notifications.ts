import { apiRequest } from './http.ts';
import {
  attribute,
  hasMorePages,
  MalformedResponseError,
  parseRecords,
  readCollection,
  readSingle,
  readTotalCount,
  related,
  type ResourceObject,
} from './jsonapi.ts';
import { parseChangeset, type ChangesetEntry } from './changeset.ts';
import { parsePerson, type Person } from './people.ts';

export interface Notification {
  id: string;
  title: string;
  targetId: number;
  targetType: string;
  targetTitle: string;
  targetLabel: string;
  parentId: number | null;
  parentType: string | null;
  parentTitle: string | null;
  /** The item's root, where Productive names it (`root_id`, `root_type`): for most, the project it lives in. */
  rootId?: number | null;
  rootType?: string | null;
  read: boolean;
  dismissed: boolean;
  important: boolean;
  mention: boolean;
  newActivitiesCount: number;
  excerpt: string;
  lastActionAt: string | null;
  firstUnreadActivityId: number | null;
  actor: Person | null;
  /** What the triggering activity changed, `{field: [old, new]}` entries as activities carry them. Optional:
   * lists cached before it was parsed lack it. */
  changeset?: ChangesetEntry[];
  /**
   * The project, where the app has learned it (the API's notification does not carry it): set on the replica's
   * copy when the notification came in a list filtered by one project (src/replica/).
   */
  projectId?: number;
}

/** What the server can be asked to filter by (it has no read filter). */
export interface NotificationQuery {
  dismissed?: boolean;
  important?: boolean;
  mention?: boolean;
  projectIds?: number[];
  types?: string[];
  after?: string;
  before?: string;
  /** Only these notifications (the inbox's list of those back from snooze, fetched one by one). */
  ids?: string[];
}

export interface NotificationPage {
  notifications: Notification[];
  totalCount: number | null;
  hasNextPage: boolean;
  /** Records on this page that could not be read and are not shown (absent on pages cached before). */
  skipped?: number;
}

export const NOTIFICATION_PAGE_SIZE = 50;

function leniently<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function parseNotification(
  resource: ResourceObject,
  included: Map<string, ResourceObject>,
): Notification {
  const actor = related(resource, 'actor', included);
  const targetId = attribute.nullableNumber(resource, 'target_id');
  // Without its target a notification can be neither shown nor opened.
  if (targetId === null)
    throw new MalformedResponseError(`notification ${resource.id} has no target`);
  return {
    id: resource.id,
    title: attribute.string(resource, 'title'),
    targetId,
    targetType: attribute.typeName(resource, 'target_type', 'unknown'),
    targetTitle: attribute.string(resource, 'target_title'),
    targetLabel: attribute.string(resource, 'target_label'),
    parentId: attribute.nullableNumber(resource, 'parent_id'),
    parentType: attribute.nullableTypeName(resource, 'parent_type'),
    parentTitle: attribute.nullableString(resource, 'parent_title'),
    // Extras beyond the documented notification: one of a shape not expected is left out, never the record.
    rootId: leniently(() => attribute.nullableNumber(resource, 'root_id')),
    rootType: leniently(() => attribute.nullableTypeName(resource, 'root_type')),
    read: attribute.boolean(resource, 'read'),
    dismissed: attribute.boolean(resource, 'dismissed'),
    important: attribute.boolean(resource, 'important'),
    mention: attribute.boolean(resource, 'mention'),
    newActivitiesCount: attribute.number(resource, 'new_activities_count'),
    excerpt: attribute.string(resource, 'excerpt'),
    lastActionAt: attribute.nullableString(resource, 'last_action_at'),
    firstUnreadActivityId: attribute.nullableNumber(resource, 'first_unread_activity_id'),
    actor: actor?.type === 'people' ? parsePerson(actor) : null,
    changeset: parseChangeset(resource.attributes.changeset),
  };
}

/** A target type as `filter[type]` takes it in Productive's own examples: `Task`, `Todo`. */
export const typeFilterValue = (type: string) =>
  type.charAt(0).toUpperCase() + type.slice(1).toLowerCase();

export function notificationSearchParams(
  query: NotificationQuery,
  page: number,
  pageSize = NOTIFICATION_PAGE_SIZE,
) {
  const params = new URLSearchParams();
  if (query.dismissed !== undefined) params.set('filter[dismissed]', String(query.dismissed));
  if (query.important !== undefined) params.set('filter[important]', String(query.important));
  if (query.mention !== undefined) params.set('filter[mention]', String(query.mention));
  if (query.projectIds?.length) params.set('filter[project_id]', query.projectIds.join(','));
  if (query.types?.length) params.set('filter[type]', query.types.map(typeFilterValue).join(','));
  if (query.after) params.set('filter[after]', query.after);
  if (query.before) params.set('filter[before]', query.before);
  params.set('include', 'actor');
  params.set('page[number]', String(page));
  params.set('page[size]', String(pageSize));
  return params;
}

export async function getNotifications(
  query: NotificationQuery,
  page: number,
  signal?: AbortSignal,
  pageSize = NOTIFICATION_PAGE_SIZE,
): Promise<NotificationPage> {
  const params = notificationSearchParams(query, page, pageSize);
  const body = await apiRequest('/notifications', { params, signal });
  return readNotificationPage(body, page, pageSize);
}

/** One page of a notification list from the API's JSON:API document (untrusted: throws when it is not one). */
export function readNotificationPage(
  body: unknown,
  page: number,
  pageSize = NOTIFICATION_PAGE_SIZE,
): NotificationPage {
  const document = readCollection(body, 'notifications');
  const { items, skipped } = parseRecords(document, parseNotification, 'notifications');
  return {
    notifications: items,
    totalCount: readTotalCount(document.meta),
    hasNextPage: hasMorePages(document, page, pageSize),
    skipped,
  };
}

export async function getNotification(id: string, signal?: AbortSignal): Promise<Notification> {
  const params = new URLSearchParams({ include: 'actor' });
  const body = await apiRequest(`/notifications/${encodeURIComponent(id)}`, { params, signal });
  const document = readSingle(body, 'notifications');
  return parseNotification(document.data, document.included);
}

export type NotificationAction = 'read' | 'dismiss' | 'undismiss';

export async function patchNotification(
  id: string,
  action: NotificationAction,
): Promise<Notification> {
  const body = await apiRequest(`/notifications/${encodeURIComponent(id)}/${action}`, {
    method: 'PATCH',
  });
  const document = readSingle(body, 'notifications');
  return parseNotification(document.data, document.included);
}
