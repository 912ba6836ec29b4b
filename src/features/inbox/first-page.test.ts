// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationPage } from '../../api/notifications.ts';
import { FIRST_PAINT_ID, releaseFirstPaint } from '../../lib/first-paint.ts';
import { notificationQueries } from './api/notification-queries.ts';
import { FIRST_PAGE_ID, seedFirstPage } from './first-page.ts';

const inbox = notificationQueries.listKey({ dismissed: false });

const answer = {
  data: [
    {
      id: '41',
      type: 'notifications',
      attributes: {
        title: 'Task <b>41</b> changed',
        target_id: 9,
        target_type: 'task',
        read: false,
      },
      relationships: { actor: { data: { id: '7', type: 'people' } } },
    },
  ],
  included: [{ id: '7', type: 'people', attributes: { first_name: 'Ana', last_name: 'Horvat' } }],
  meta: { total_count: 120 },
  links: { next: '/api/v2/notifications?page[number]=2' },
};

function pageWith(json: string) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = FIRST_PAGE_ID;
  script.textContent = json;
  document.body.append(script);
}

describe('the first page the page carries', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('goes into the Inbox view’s list before anything asks for it, as fetched now, and is read once', () => {
    pageWith(JSON.stringify(answer));
    const queryClient = new QueryClient();
    const before = Date.now();
    expect(seedFirstPage(queryClient)).toBe(true);
    const data = queryClient.getQueryData<{ pages: NotificationPage[]; pageParams: number[] }>(
      inbox,
    );
    expect(data?.pageParams).toEqual([1]);
    expect(data?.pages[0]?.notifications.map((notification) => notification.id)).toEqual(['41']);
    expect(data?.pages[0]?.notifications[0]?.actor?.name).toBe('Ana Horvat');
    expect(data?.pages[0]?.totalCount).toBe(120);
    expect(queryClient.getQueryState(inbox)?.dataUpdatedAt).toBeGreaterThanOrEqual(before);
    expect(document.getElementById(FIRST_PAGE_ID)).toBeNull();
    expect(seedFirstPage(new QueryClient())).toBe(false);
  });

  it('is newer than the list restored from the device', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(
      inbox,
      { pages: [{ notifications: [] }], pageParams: [1] },
      {
        updatedAt: Date.now() - 60_000,
      },
    );
    pageWith(JSON.stringify(answer));
    seedFirstPage(queryClient);
    const data = queryClient.getQueryData<{ pages: NotificationPage[] }>(inbox);
    expect(data?.pages[0]?.notifications).toHaveLength(1);
  });

  it('is left out when unreadable: the list asks for itself', () => {
    for (const json of ['{', '[]', '{"data":{}}', '{"data":"text"}', '"<b>"']) {
      pageWith(json);
      const queryClient = new QueryClient();
      expect(seedFirstPage(queryClient)).toBe(false);
      expect(queryClient.getQueryData(inbox)).toBeUndefined();
    }
  });

  it('has nothing to do on a page without one', () => {
    const queryClient = new QueryClient();
    expect(seedFirstPage(queryClient)).toBe(false);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('the layer of first rows', () => {
  it('is removed when released, and releasing again does nothing', () => {
    document.body.innerHTML = `<div id="root"></div><div id="${FIRST_PAINT_ID}"><article></article></div>`;
    releaseFirstPaint();
    expect(document.getElementById(FIRST_PAINT_ID)).toBeNull();
    expect(document.getElementById('root')).not.toBeNull();
    releaseFirstPaint();
  });
});
