import type { Notification, NotificationPage } from '../api/notifications.ts';
import type { NotificationPages } from '../features/inbox/model/cache-updates.ts';

let next = 1;
export function aNotification(overrides: Partial<Notification> = {}): Notification {
  const id = String(next++);
  return {
    id,
    title: `commented on task <b>#${id}: Fix the login</b> on <b>[Acme] Website</b>`,
    targetId: Number(id),
    targetType: 'task',
    targetTitle: `#${id}: Fix the login`,
    targetLabel: 'task',
    parentId: 1,
    parentType: 'project',
    parentTitle: '[Acme] Website',
    read: false,
    dismissed: false,
    important: false,
    mention: false,
    newActivitiesCount: 1,
    excerpt: '',
    lastActionAt: '2026-11-20T10:00:00.000+00:00',
    firstUnreadActivityId: 1,
    actor: { id: '2', name: 'Marko Horvat', avatarUrl: null },
    ...overrides,
  };
}

export function pagesOf(
  ...pages: { notifications: Notification[]; hasNextPage?: boolean; totalCount?: number }[]
): NotificationPages {
  const total = pages.reduce((sum, page) => sum + page.notifications.length, 0);
  return {
    pageParams: pages.map((_, index) => index + 1),
    pages: pages.map((page, index): NotificationPage => ({
      notifications: page.notifications,
      hasNextPage: page.hasNextPage ?? index < pages.length - 1,
      totalCount: page.totalCount ?? total,
    })),
  };
}
