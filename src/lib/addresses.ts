import type { FeedKind, FeedTarget } from '../api/activities.ts';

/**
 * Every address of the app and the search parameters it owns, in one place. Pages and links build addresses
 * here instead of by hand; routes are declared from `ROUTES`. The inbox's filter parameters are written by the
 * inbox (`features/inbox/model/filters.ts`), which hands them to `inboxAddress` as search parameters.
 */

/** Route patterns, as the router declares them. */
export const ROUTES = {
  inbox: '/',
  important: '/important',
  mentions: '/mentions',
  dismissed: '/dismissed',
  /** The scheduled snoozes (not a view of notifications: no filters). */
  snoozed: '/snoozed',
  task: '/tasks/:taskId',
  deal: '/deals/:dealId',
  discussion: '/discussions/:discussionId',
  activity: '/activities/:activityId',
  notification: '/notifications/:notificationId',
  /** The device's settings (theme, after-dismiss, desktop notifications) and the person's (issue 21). */
  settings: '/settings',
} as const;

/** The inbox's four views, each an address. */
export type InboxView = 'inbox' | 'important' | 'mentions' | 'dismissed';
export const INBOX_VIEW_PATHS: Record<InboxView, string> = {
  inbox: ROUTES.inbox,
  important: ROUTES.important,
  mentions: ROUTES.mentions,
  dismissed: ROUTES.dismissed,
};

/** The Snoozed view's address. */
export const snoozedAddress = () => ROUTES.snoozed;

/** The Settings page's address. */
export const settingsAddress = () => ROUTES.settings;

/** The search parameter naming the notification open beside the list (the reading pane, phase 2). */
export const OPEN_PARAM = 'open';

/** The inbox's search (`q=`, the words typed in the search box) and its grouping (`group=`) parameters. */
export const SEARCH_PARAM = 'q';
export const GROUP_PARAM = 'group';

/**
 * The parameters a feed is opened with from a notification: which one, its first unread activity, and for a
 * todo's notification (opened on its task's feed) the todo whose activities are marked.
 */
export const FEED_CONTEXT_PARAMS = {
  notification: 'notification',
  unread: 'unread',
  todo: 'todo',
} as const;

export interface FeedContext {
  notificationId: string | null;
  firstUnreadActivityId: number | null;
  todoId: number | null;
}
export const NO_FEED_CONTEXT: FeedContext = {
  notificationId: null,
  firstUnreadActivityId: null,
  todoId: null,
};

/** An id as addresses carry it: 1 to 15 digits, no sign, no leading zero. */
const ID = /^[1-9]\d{0,14}$/;
export const isAddressId = (value: string | null | undefined): value is string =>
  typeof value === 'string' && ID.test(value);

const withSearch = (path: string, search?: URLSearchParams) => {
  const query = search?.toString() ?? '';
  return query ? `${path}?${query}` : path;
};

/**
 * An inbox view with its filter parameters (as the inbox writes them) and, optionally, the notification open
 * beside the list. `open` goes last, so the filters read first in the address.
 */
export function inboxAddress(
  view: InboxView,
  filters?: URLSearchParams,
  open?: string | null,
): string {
  const search = new URLSearchParams(filters);
  search.delete(OPEN_PARAM);
  if (isAddressId(open)) search.set(OPEN_PARAM, open);
  return withSearch(INBOX_VIEW_PATHS[view], search);
}

/** The notification open beside the list, if the address names a valid one. */
export function readOpenParam(search: URLSearchParams): string | null {
  const value = search.get(OPEN_PARAM);
  return isAddressId(value) ? value : null;
}

const FEED_PATHS: Record<FeedKind, string> = {
  task: '/tasks',
  deal: '/deals',
  discussion: '/discussions',
};

/** The feed context as search parameters (only the valid parts). */
export function feedContextParams(context: Partial<FeedContext> = {}): URLSearchParams {
  const search = new URLSearchParams();
  if (isAddressId(context.notificationId))
    search.set(FEED_CONTEXT_PARAMS.notification, context.notificationId);
  const unread = context.firstUnreadActivityId;
  if (typeof unread === 'number' && isAddressId(String(unread)))
    search.set(FEED_CONTEXT_PARAMS.unread, String(unread));
  const todo = context.todoId;
  if (typeof todo === 'number' && isAddressId(String(todo)))
    search.set(FEED_CONTEXT_PARAMS.todo, String(todo));
  return search;
}

export function readFeedContext(search: URLSearchParams): FeedContext {
  const notification = search.get(FEED_CONTEXT_PARAMS.notification);
  const unread = search.get(FEED_CONTEXT_PARAMS.unread);
  const todo = search.get(FEED_CONTEXT_PARAMS.todo);
  return {
    notificationId: isAddressId(notification) ? notification : null,
    firstUnreadActivityId: isAddressId(unread) ? Number(unread) : null,
    todoId: isAddressId(todo) ? Number(todo) : null,
  };
}

/** A task's, deal's or discussion's activity feed, opened from a notification when a context is given. */
export function feedAddress(target: FeedTarget, context?: Partial<FeedContext>): string {
  return withSearch(`${FEED_PATHS[target.kind]}/${target.id}`, feedContextParams(context));
}

export const taskAddress = (id: number, context?: Partial<FeedContext>) =>
  feedAddress({ kind: 'task', id }, context);
export const dealAddress = (id: number, context?: Partial<FeedContext>) =>
  feedAddress({ kind: 'deal', id }, context);
export const discussionAddress = (id: number, context?: Partial<FeedContext>) =>
  feedAddress({ kind: 'discussion', id }, context);
export const activityAddress = (id: string | number) => `/activities/${id}`;
/** One notification's detail on a page of its own (what a pane shows, full width). */
export const notificationAddress = (id: string | number) => `/notifications/${id}`;

/** What a notification is about, as the list holds it. */
export interface NotificationTargetRef {
  id: string;
  targetType: string;
  targetId: number;
  parentType: string | null;
  parentId: number | null;
  firstUnreadActivityId: number | null;
}

/**
 * The feed a notification's target has in the app: a task's own, a todo's task's, a deal's or a discussion's.
 * Null for every other type (page, invoice, company, …): those have no feed the API can filter.
 */
export function notificationFeed(notification: NotificationTargetRef): FeedTarget | null {
  const type = notification.targetType.toLowerCase();
  const { targetId, parentType, parentId } = notification;
  if (!(targetId > 0)) return null;
  if (type === 'task' || type === 'deal' || type === 'discussion')
    return { kind: type, id: targetId };
  if (type === 'todo' && parentType?.toLowerCase() === 'task' && parentId !== null && parentId > 0)
    return { kind: 'task', id: parentId };
  return null;
}

/** The todo whose activities a todo's notification marks on its task's feed. */
export const markedTodo = (notification: NotificationTargetRef): number | null =>
  notification.targetType.toLowerCase() === 'todo' && notification.targetId > 0
    ? notification.targetId
    : null;

/**
 * Where opening a notification leads in the app: its feed, with the notification and its first unread activity
 * (New markers, mark as read), else its detail page (a card for types without a feed).
 */
export function notificationTargetAddress(notification: NotificationTargetRef): string {
  const feed = notificationFeed(notification);
  return feed
    ? feedAddress(feed, {
        notificationId: notification.id,
        firstUnreadActivityId: notification.firstUnreadActivityId,
        todoId: markedTodo(notification),
      })
    : notificationAddress(notification.id);
}

/**
 * What the list hands a page it opens (in `location.state`), so that "Back to the inbox" returns to the same
 * list and focuses the row that was opened.
 */
export interface OpenedFromList {
  from: string;
  opened: string;
}

export const openedFromList = (from: string, opened: string): OpenedFromList => ({ from, opened });

/** A same-origin path, never `//host` or a full URL: the only kind of "from" the way back follows. */
export const isAppPath = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/** The way back from a page opened from the list: its inbox address and the row to focus there. */
export function backToList(state: unknown): {
  href: string;
  state: { focusNotification: string } | undefined;
} {
  const { from, opened } = (state ?? {}) as { from?: unknown; opened?: unknown };
  return {
    href: isAppPath(from) ? from : ROUTES.inbox,
    state: typeof opened === 'string' ? returningToRow(opened) : undefined,
  };
}

/** What a way back to the list hands over: the row to focus there. */
export const returningToRow = (id: string) => ({ focusNotification: id });

/** The row to focus on arriving back at the list (what `backToList` hands over), if any. */
export function returnedToRow(state: unknown): string | null {
  const value = (state as { focusNotification?: unknown } | null)?.focusNotification;
  return typeof value === 'string' ? value : null;
}
