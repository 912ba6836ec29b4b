import { describe, expect, it } from 'vitest';
import type { Mute } from '../../../api/mutes.ts';
import { parseMute } from '../../../api/mutes.ts';
import type { Notification } from '../../../api/notifications.ts';
import { parseSavedView } from '../../../api/saved-views.ts';
import { isMutedArrival } from '../../../lib/mutes.ts';
import { savedAddressOf, viewOfAddress } from './saved-view-queries.ts';

const notification = (patch: Partial<Notification>): Notification => ({
  id: '1',
  title: 'A',
  targetId: 7,
  targetType: 'Task',
  targetTitle: 'Launch',
  targetLabel: '',
  parentId: null,
  parentType: null,
  parentTitle: null,
  read: false,
  dismissed: false,
  important: false,
  mention: false,
  newActivitiesCount: 1,
  excerpt: '',
  lastActionAt: '2026-12-02T10:00:00Z',
  firstUnreadActivityId: null,
  actor: null,
  ...patch,
});
const mute: Mute = {
  id: 'item:task:7',
  kind: 'item',
  targetType: 'task',
  targetId: '7',
  title: 'Launch',
  mutedAt: '2026-12-02T09:00:00Z',
};
const mutes = new Map([[mute.id, mute]]);

describe('what a mute hides as it arrives', () => {
  it('hides new activity on a muted item (any letter case of its type), not what came before the mute', () => {
    expect(isMutedArrival(notification({}), mutes)).toBe(true);
    expect(isMutedArrival(notification({ targetType: 'task' }), mutes)).toBe(true);
    expect(isMutedArrival(notification({ lastActionAt: '2026-12-02T08:59:00Z' }), mutes)).toBe(
      false,
    );
    expect(isMutedArrival(notification({ targetId: 8 }), mutes)).toBe(false);
    expect(isMutedArrival(notification({ targetType: 'deal' }), mutes)).toBe(false);
  });

  it('keeps a mention', () => {
    expect(isMutedArrival(notification({ mention: true }), mutes)).toBe(false);
  });
});

describe('a saved view’s address', () => {
  it('keeps what the address holds, unknown parameters too, but not the notification open beside the list', () => {
    expect(savedAddressOf('/mentions', '?type=task&q=launch&group=project&open=12')).toBe(
      '/mentions?type=task&q=launch&group=project',
    );
    expect(savedAddressOf('/', '?open=12')).toBe('/');
  });

  it('names the view it opens', () => {
    expect(viewOfAddress('/')).toBe('inbox');
    expect(viewOfAddress('/important?type=task')).toBe('important');
    expect(viewOfAddress('/snoozed')).toBeNull();
  });
});

describe('reading the server’s answers', () => {
  it('refuses a malformed view or mute with a readable error', () => {
    expect(() => parseSavedView({ id: 'x', name: 'a', address: '/', position: 0 })).toThrow(
      /cannot read/,
    );
    expect(() =>
      parseSavedView({
        id: '123e4567-e89b-42d3-a456-426614174000',
        name: 'a',
        address: '//evil.example',
        position: 0,
      }),
    ).toThrow(/cannot read/);
    expect(() => parseMute({ ...mute, targetId: '<b>' })).toThrow(/cannot read/);
    expect(parseMute(mute)).toEqual(mute);
  });
});
