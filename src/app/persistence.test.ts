// @vitest-environment jsdom
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { persistQueryClientRestore } from '@tanstack/react-query-persist-client';
import { beforeEach, describe, expect, it } from 'vitest';
import { notificationQueries } from '../features/inbox/api/notification-queries.ts';
import { projectQueries } from '../features/inbox/api/project-queries.ts';
import { deviceKey } from '../lib/device-data.ts';
import { aNotification, pagesOf } from '../testing/notification-factory.ts';
import { isPersisted, persistOptions, saveCacheNow } from './persistence.ts';

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
    expect(restored.getQueryData(inbox)).toEqual(written.getQueryData(inbox));
    expect(restored.getQueryData(dismissed)).toEqual(written.getQueryData(dismissed));
    expect(restored.getQueryData(projects)).toEqual(written.getQueryData(projects));
    expect(restored.getQueryData(long)).toBeUndefined();
    expect(restored.getQueryData(liveCount)).toBeUndefined();
    expect(restored.getQueryData(detail)).toBeUndefined();
  });
});
