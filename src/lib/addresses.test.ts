import { describe, expect, it } from 'vitest';
import {
  backToList,
  dealAddress,
  discussionAddress,
  feedAddress,
  inboxAddress,
  notificationAddress,
  notificationFeed,
  notificationTargetAddress,
  openedFromList,
  readFeedContext,
  readOpenParam,
  returnedToRow,
  ROUTES,
  taskAddress,
  type NotificationTargetRef,
} from './addresses.ts';

const ref = (overrides: Partial<NotificationTargetRef>): NotificationTargetRef => ({
  id: '40',
  targetType: 'task',
  targetId: 7,
  parentType: 'project',
  parentId: 3,
  firstUnreadActivityId: 900,
  ...overrides,
});

describe('addresses', () => {
  it('writes an inbox view with its filters, and the open notification last', () => {
    const filters = new URLSearchParams('project=3&type=task');
    expect(inboxAddress('inbox')).toBe('/');
    expect(inboxAddress('dismissed', filters)).toBe('/dismissed?project=3&type=task');
    expect(inboxAddress('inbox', filters, '1234')).toBe('/?project=3&type=task&open=1234');
    // An open= already among the parameters is replaced, a malformed one dropped.
    expect(inboxAddress('mentions', new URLSearchParams('open=5&project=1'), '6')).toBe(
      '/mentions?project=1&open=6',
    );
    expect(inboxAddress('inbox', undefined, 'x1')).toBe('/');
  });

  it('reads the open notification only when it is an id', () => {
    expect(readOpenParam(new URLSearchParams('project=3&open=1234'))).toBe('1234');
    for (const bad of ['', '0', '-1', '1e3', '01', 'abc', '1'.repeat(16)])
      expect(readOpenParam(new URLSearchParams({ open: bad }))).toBeNull();
  });

  it('writes feeds for tasks, deals and discussions, with the notification context they were opened with', () => {
    expect(taskAddress(12)).toBe('/tasks/12');
    expect(dealAddress(4)).toBe('/deals/4');
    expect(discussionAddress(9)).toBe('/discussions/9');
    expect(
      feedAddress(
        { kind: 'task', id: 12 },
        { notificationId: '5', firstUnreadActivityId: 40, todoId: 8 },
      ),
    ).toBe('/tasks/12?notification=5&unread=40&todo=8');
    expect(
      feedAddress({ kind: 'deal', id: 2 }, { notificationId: 'x', firstUnreadActivityId: null }),
    ).toBe('/deals/2');
    expect(readFeedContext(new URLSearchParams('notification=5&unread=40&todo=8'))).toEqual({
      notificationId: '5',
      firstUnreadActivityId: 40,
      todoId: 8,
    });
    expect(readFeedContext(new URLSearchParams('notification=a&unread=0'))).toEqual({
      notificationId: null,
      firstUnreadActivityId: null,
      todoId: null,
    });
    expect(notificationAddress('77')).toBe('/notifications/77');
  });

  it('declares a route for every page it builds addresses for', () => {
    expect(Object.values(ROUTES)).toEqual(
      expect.arrayContaining([
        '/tasks/:taskId',
        '/deals/:dealId',
        '/discussions/:discussionId',
        '/activities/:activityId',
        '/notifications/:notificationId',
      ]),
    );
  });

  it('opens every notification somewhere in the app: a feed where the API has one, else its detail', () => {
    expect(notificationTargetAddress(ref({}))).toBe('/tasks/7?notification=40&unread=900');
    expect(
      notificationTargetAddress(
        ref({ targetType: 'todo', targetId: 8, parentType: 'task', parentId: 7 }),
      ),
    ).toBe('/tasks/7?notification=40&unread=900&todo=8');
    expect(notificationTargetAddress(ref({ targetType: 'Deal', targetId: 4 }))).toBe(
      '/deals/4?notification=40&unread=900',
    );
    expect(notificationTargetAddress(ref({ targetType: 'discussion', targetId: 9 }))).toBe(
      '/discussions/9?notification=40&unread=900',
    );
    for (const targetType of [
      'page',
      'invoice',
      'company',
      'person',
      'booking',
      'project',
      'gizmo',
    ])
      expect(notificationTargetAddress(ref({ targetType }))).toBe('/notifications/40');
    // A todo whose parent is not a task has no feed to open.
    expect(notificationFeed(ref({ targetType: 'todo', parentType: 'project' }))).toBeNull();
    expect(notificationFeed(ref({ targetId: 0 }))).toBeNull();
  });

  it('goes back only to a path of this app, focusing the row that was opened', () => {
    expect(backToList({ from: '/?project=3', opened: '40' })).toEqual({
      href: '/?project=3',
      state: { focusNotification: '40' },
    });
    for (const from of ['//evil.example', 'https://evil.example/', 42, undefined])
      expect(backToList({ from }).href).toBe('/');
    expect(backToList(null)).toEqual({ href: '/', state: undefined });
    expect(returnedToRow(backToList(openedFromList('/', '40')).state)).toBe('40');
    expect(returnedToRow({ focusNotification: 40 })).toBeNull();
    expect(returnedToRow(undefined)).toBeNull();
  });
});
