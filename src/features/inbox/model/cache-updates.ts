import type { InfiniteData } from '@tanstack/react-query';
import type {
  Notification,
  NotificationPage,
  NotificationQuery,
} from '../../../api/notifications.ts';
import type { InboxAction } from './inbox-actions.ts';
import { matchesQuery } from './matches-query.ts';

export { matchesQuery };

export type NotificationPages = InfiniteData<NotificationPage, number>;

/**
 * Actions on the cache: the inbox's (a snooze dismisses, its undo and waking restore), plus 'unread', which only
 * undo of a held read does locally.
 */
export type CacheAction = InboxAction | 'unread';

/** The notification as it will be once the action is done. */
export function applyToNotification(notification: Notification, action: CacheAction): Notification {
  switch (action) {
    case 'read':
      return { ...notification, read: true };
    case 'unread':
      return { ...notification, read: false };
    case 'dismiss':
    case 'snooze':
      return { ...notification, dismissed: true };
    case 'undismiss':
    case 'unsnooze':
    case 'wake':
      return { ...notification, dismissed: false };
  }
}

const newerFirst = (a: Notification, b: Notification) =>
  (b.lastActionAt ?? '').localeCompare(a.lastActionAt ?? '') || Number(b.id) - Number(a.id);

function withTotal(pages: NotificationPage[], delta: number): NotificationPage[] {
  const [first, ...rest] = pages;
  if (!first || first.totalCount === null || delta === 0) return pages;
  return [{ ...first, totalCount: Math.max(0, first.totalCount + delta) }, ...rest];
}

function remove(data: NotificationPages, id: string): NotificationPages {
  let removed = 0;
  const pages = data.pages.map((page) => {
    const notifications = page.notifications.filter((item) => item.id !== id);
    removed += page.notifications.length - notifications.length;
    return notifications.length === page.notifications.length ? page : { ...page, notifications };
  });
  return removed ? { ...data, pages: withTotal(pages, -removed) } : data;
}

function replace(data: NotificationPages, next: Notification): NotificationPages {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.notifications.some((item) => item.id === next.id)) return page;
    changed = true;
    return {
      ...page,
      notifications: page.notifications.map((item) => (item.id === next.id ? next : item)),
    };
  });
  return changed ? { ...data, pages } : data;
}

/** Puts the notification where the server's order would, if that place is within what is loaded. */
function insert(data: NotificationPages, next: Notification): NotificationPages {
  const pages = [...data.pages];
  for (let index = 0; index < pages.length; index++) {
    const page = pages[index] as NotificationPage;
    const position = page.notifications.findIndex((item) => newerFirst(next, item) < 0);
    const isLastLoaded = index === pages.length - 1;
    if (position >= 0 || (isLastLoaded && !page.hasNextPage)) {
      const notifications = [...page.notifications];
      notifications.splice(position >= 0 ? position : notifications.length, 0, next);
      pages[index] = { ...page, notifications };
      return { ...data, pages: withTotal(pages, 1) };
    }
  }
  // Older than everything loaded while more pages remain: it will arrive with its page.
  return { ...data, pages: withTotal(pages, 1) };
}

/**
 * The next state of one cached list after an action on a notification: a dismissed row leaves the lists
 * of undismissed notifications and joins the Dismissed list, a read row loses its unread marker everywhere.
 */
export function applyActionToList(
  data: NotificationPages,
  query: NotificationQuery,
  notification: Notification,
  action: CacheAction,
): NotificationPages {
  return placeInList(data, query, applyToNotification(notification, action));
}

/**
 * One cached list with a notification as given: replaced where it is listed, removed if it no longer belongs,
 * inserted in order if it now does. Also how a failed action is undone: each row goes back as it was, without
 * touching what other actions did meanwhile.
 */
export function placeInList(
  data: NotificationPages,
  query: NotificationQuery,
  next: Notification,
): NotificationPages {
  const listed = data.pages.some((page) => page.notifications.some((item) => item.id === next.id));
  const belongs = matchesQuery(next, query);
  if (listed) return belongs === false ? remove(data, next.id) : replace(data, next);
  return belongs === true ? insert(data, next) : data;
}

/** Finds a notification in any cached list. */
export function findNotification(
  lists: readonly (readonly [unknown, NotificationPages | undefined])[],
  id: string,
): Notification | undefined {
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const found = page.notifications.find((item) => item.id === id);
      if (found) return found;
    }
  }
  return undefined;
}
