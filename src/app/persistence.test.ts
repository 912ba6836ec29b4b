// @vitest-environment jsdom
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { persistQueryClientRestore } from '@tanstack/react-query-persist-client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationQueries } from '../features/inbox/api/notification-queries.ts';
import { projectQueries } from '../features/inbox/api/project-queries.ts';
import { deviceKey } from '../lib/device-data.ts';
import { aNotification, pagesOf } from '../testing/notification-factory.ts';
import type { NotificationPages } from '../features/inbox/model/cache-updates.ts';
import {
  FIRST_SCREEN_ROWS,
  isPersisted,
  persistOptions,
  restoreCacheNow,
  saveCacheNow,
  saveCacheOnLeave,
} from './persistence.ts';

const inbox = notificationQueries.listKey({ dismissed: false });
const dismissed = notificationQueries.listKey({ dismissed: true });
const long = notificationQueries.listKey({ dismissed: false, important: true });
const liveCount = notificationQueries.newCountKey({ dismissed: false }, '2026-11-20T10:00:00Z');
const detail = ['notifications', 'detail', '1'];
const activities = ['activities', 'list', { target: { kind: 'task', id: 1 } }];
const projects = projectQueries.list().queryKey;

const page = () => ({ notifications: [aNotification()] });

function filledClient() {
  const client = new QueryClient();
  client.setQueryData(inbox, pagesOf(page(), page()));
  client.setQueryData(dismissed, pagesOf(page()));
  client.setQueryData(long, pagesOf(...Array.from({ length: 11 }, page)));
  client.setQueryData(liveCount, 3);
  client.setQueryData(detail, aNotification());
  client.setQueryData(activities, { pages: [], pageParams: [] });
  client.setQueryData(projects, [{ id: 3, name: 'Website' }]);
  return client;
}

const storedKeys = () => {
  const stored = JSON.parse(localStorage.getItem(deviceKey('cache')) ?? '{}') as {
    clientState?: { queries: { queryKey: QueryKey }[] };
  };
  return (stored.clientState?.queries ?? []).map((query) => query.queryKey);
};

beforeEach(() => localStorage.clear());

describe('what is kept on the device', () => {
  it('is the notification lists and the projects, by key', () => {
    expect([inbox, dismissed, projects].map(isPersisted)).toEqual([true, true, true]);
    expect([liveCount, detail, activities, notificationQueries.lists()].map(isPersisted)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('writes the lists of at most ten pages and the projects, nothing else', () => {
    saveCacheNow(filledClient());
    expect(storedKeys()).toEqual(expect.arrayContaining([inbox, dismissed, projects]));
    expect(storedKeys()).toHaveLength(3);
  });

  it('does not write a list whose last fetch failed before it had data', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await client
      .fetchInfiniteQuery({
        queryKey: inbox,
        queryFn: () => Promise.reject(new Error('down')),
        initialPageParam: 1,
      })
      .catch(() => {});
    saveCacheNow(client);
    expect(storedKeys()).toEqual([]);
  });

  it('restores the lists and projects as they were written', async () => {
    const written = filledClient();
    saveCacheNow(written);
    const restored = new QueryClient();
    await persistQueryClientRestore({ queryClient: restored, ...persistOptions() });
    // A view of the replica is kept as its first screen: its rows, one page, no count (the replica has it).
    expect(restored.getQueryData(inbox)).toEqual({
      pages: [
        {
          notifications: written
            .getQueryData<NotificationPages>(inbox)
            ?.pages.flatMap((item) => item.notifications),
          totalCount: null,
          hasNextPage: false,
        },
      ],
      pageParams: [1],
    });
    expect(restored.getQueryData(projects)).toEqual(written.getQueryData(projects));
    expect(restored.getQueryData(long)).toBeUndefined();
    expect(restored.getQueryData(liveCount)).toBeUndefined();
    expect(restored.getQueryData(detail)).toBeUndefined();
  });

  it('keeps a whole view of the replica as its first screen only', () => {
    const client = new QueryClient();
    const rows = Array.from({ length: 500 }, (_, index) =>
      aNotification({ id: String(index + 1) }),
    );
    client.setQueryData(inbox, pagesOf({ notifications: rows }));
    saveCacheNow(client);
    const restored = new QueryClient();
    restoreCacheNow(restored);
    const kept = restored.getQueryData<NotificationPages>(inbox)?.pages;
    expect(kept?.[0]?.notifications.map((item) => item.id)).toEqual(
      rows.slice(0, FIRST_SCREEN_ROWS).map((item) => item.id),
    );
    expect(kept?.[0]?.totalCount).toBeNull();
  });
});

describe('restoring before the first render', () => {
  it('puts the saved lists into a new client at once, synchronously', () => {
    const source = filledClient();
    saveCacheNow(source);
    const client = new QueryClient();
    restoreCacheNow(client);
    expect(client.getQueryData<NotificationPages>(inbox)?.pages[0]?.notifications).toEqual(
      source.getQueryData<NotificationPages>(inbox)?.pages.flatMap((item) => item.notifications),
    );
    expect(client.getQueryData(projects)).toEqual([{ id: 3, name: 'Website' }]);
    expect(client.getQueryData(detail)).toBeUndefined();
  });

  it('leaves out a save of another format, one older than a day, and one that cannot be read', () => {
    const write = (value: unknown) =>
      localStorage.setItem(deviceKey('cache'), JSON.stringify(value));
    saveCacheNow(filledClient());
    const saved = JSON.parse(localStorage.getItem(deviceKey('cache')) as string) as {
      timestamp: number;
    };
    for (const stored of [
      { ...saved, buster: 'v1' },
      { ...saved, timestamp: saved.timestamp - 25 * 60 * 60 * 1000 },
    ]) {
      write(stored);
      const client = new QueryClient();
      restoreCacheNow(client);
      expect(client.getQueryData(inbox)).toBeUndefined();
    }
    localStorage.setItem(deviceKey('cache'), '{not json');
    const client = new QueryClient();
    expect(() => restoreCacheNow(client)).not.toThrow();
    expect(client.getQueryData(inbox)).toBeUndefined();
  });
});

describe('saving as the page goes away', () => {
  it('writes the cache when hidden, not again as the page goes unless something changed', () => {
    const client = new QueryClient();
    saveCacheOnLeave(client);
    client.setQueryData(inbox, pagesOf(page(), page()));
    const writes = vi.spyOn(Storage.prototype, 'setItem');
    const cacheWrites = () =>
      writes.mock.calls.filter(([key]) => key === deviceKey('cache')).length;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(cacheWrites()).toBe(1);
    // Hidden, then gone (a reload): the same cache is not serialized twice.
    window.dispatchEvent(new Event('pagehide'));
    expect(cacheWrites()).toBe(1);
    // A change since: written again.
    client.setQueryData(inbox, pagesOf(page()));
    window.dispatchEvent(new Event('pagehide'));
    expect(cacheWrites()).toBe(2);
    expect(storedKeys()).toContainEqual(inbox);
    writes.mockRestore();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});
