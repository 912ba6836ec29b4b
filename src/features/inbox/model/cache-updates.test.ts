import { describe, expect, it } from 'vitest';
import type { NotificationQuery } from '../../../api/notifications.ts';
import { aNotification, pagesOf } from '../../../testing/notification-factory.ts';
import { applyActionToList, findNotification, matchesQuery } from './cache-updates.ts';
import { toNotificationQuery, NO_FILTERS, type ViewName } from './filters.ts';

const view = (name: ViewName): NotificationQuery => toNotificationQuery(name, NO_FILTERS);
const ids = (data: ReturnType<typeof pagesOf>) =>
  data.pages.flatMap((page) => page.notifications.map((item) => item.id));

describe('cache updates for each action in each view', () => {
  const older = aNotification({ lastActionAt: '2026-11-01T10:00:00.000+00:00' });
  const target = aNotification({
    lastActionAt: '2026-11-10T10:00:00.000+00:00',
    important: true,
    mention: true,
  });
  const newer = aNotification({ lastActionAt: '2026-11-20T10:00:00.000+00:00' });

  it('dismiss removes the row from Inbox, Important and Mentions and lowers their totals', () => {
    for (const name of ['inbox', 'important', 'mentions'] as const) {
      const data = pagesOf({ notifications: [newer, target, older] });
      const next = applyActionToList(data, view(name), target, 'dismiss');
      expect(ids(next)).toEqual([newer.id, older.id]);
      expect(next.pages[0]?.totalCount).toBe(2);
    }
  });

  it('dismiss adds the row to Dismissed in order, raising the total', () => {
    const dismissedNewer = { ...newer, dismissed: true };
    const dismissedOlder = { ...older, dismissed: true };
    const data = pagesOf({ notifications: [dismissedNewer, dismissedOlder] });
    const next = applyActionToList(data, view('dismissed'), target, 'dismiss');
    expect(ids(next)).toEqual([newer.id, target.id, older.id]);
    expect(next.pages[0]?.notifications[1]).toMatchObject({ id: target.id, dismissed: true });
    expect(next.pages[0]?.totalCount).toBe(3);
  });

  it('restore moves the row back: out of Dismissed, into the Inbox', () => {
    const dismissed = { ...target, dismissed: true };
    const fromDismissed = applyActionToList(
      pagesOf({ notifications: [dismissed] }),
      view('dismissed'),
      dismissed,
      'undismiss',
    );
    expect(ids(fromDismissed)).toEqual([]);
    const intoInbox = applyActionToList(
      pagesOf({ notifications: [newer, older] }),
      view('inbox'),
      dismissed,
      'undismiss',
    );
    expect(ids(intoInbox)).toEqual([newer.id, target.id, older.id]);
    expect(intoInbox.pages[0]?.notifications[1]?.dismissed).toBe(false);
  });

  it('read flips the unread marker in every list and moves nothing', () => {
    for (const name of ['inbox', 'important', 'mentions'] as const) {
      const next = applyActionToList(
        pagesOf({ notifications: [newer, target, older] }),
        view(name),
        target,
        'read',
      );
      expect(ids(next)).toEqual([newer.id, target.id, older.id]);
      expect(next.pages[0]?.notifications[1]?.read).toBe(true);
      expect(next.pages[0]?.totalCount).toBe(3);
    }
    const dismissed = { ...target, dismissed: true };
    const inDismissed = applyActionToList(
      pagesOf({ notifications: [dismissed] }),
      view('dismissed'),
      dismissed,
      'read',
    );
    expect(inDismissed.pages[0]?.notifications[0]?.read).toBe(true);
  });

  it('leaves lists the row does not belong to untouched', () => {
    const plain = aNotification({ important: false });
    const data = pagesOf({ notifications: [newer] });
    expect(applyActionToList(data, view('important'), plain, 'undismiss')).toBe(data);
    expect(
      applyActionToList(
        data,
        { dismissed: false, types: ['deal'] },
        { ...plain, dismissed: true },
        'undismiss',
      ),
    ).toBe(data);
  });

  it('does not insert past the loaded pages when more remain, but counts it', () => {
    const data = pagesOf({ notifications: [newer], hasNextPage: true, totalCount: 10 });
    const next = applyActionToList(data, view('dismissed'), { ...older }, 'dismiss');
    expect(ids(next)).toEqual([newer.id]);
    expect(next.pages[0]?.totalCount).toBe(11);
  });

  it('works across several pages', () => {
    const data = pagesOf(
      { notifications: [newer] },
      { notifications: [target] },
      { notifications: [older] },
    );
    const next = applyActionToList(data, view('inbox'), target, 'dismiss');
    expect(next.pages.map((page) => page.notifications.length)).toEqual([1, 0, 1]);
    expect(findNotification([[null, data]], target.id)).toBe(target);
    expect(findNotification([[null, next]], target.id)).toBeUndefined();
  });

  it('cannot tell a todo’s project, so leaves project-filtered lists to the refetch', () => {
    const todo = aNotification({
      targetType: 'todo',
      parentType: 'task',
      parentId: 99,
      dismissed: true,
    });
    expect(
      matchesQuery({ ...todo, dismissed: false }, { dismissed: false, projectIds: [1] }),
    ).toBeNull();
    const data = pagesOf({ notifications: [newer] });
    expect(applyActionToList(data, { dismissed: false, projectIds: [1] }, todo, 'undismiss')).toBe(
      data,
    );
  });
});
