// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationQueries } from '../features/inbox/api/notification-queries.ts';
import { aNotification, pagesOf } from '../testing/notification-factory.ts';
import { deviceKey } from '../lib/device-data.ts';
import { keepPageCopy, saveCacheOnLeave } from './persistence.ts';

// Its own file: what a page does as it is left is registered on the window once per module.
const inbox = notificationQueries.listKey({ dismissed: false });
const page = () => ({ notifications: [aNotification()] });

/** What the page told its service worker. */
const messages: unknown[] = [];
beforeEach(() => {
  messages.length = 0;
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller: { postMessage: (message: unknown) => messages.push(message) } },
  });
});

describe('the service worker’s copy of the Inbox page', () => {
  it('is dropped as an action starts, and asked for again 3 s after the last one is settled', async () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      keepPageCopy(client);
      let finish = () => {};
      const action = client
        .getMutationCache()
        .build(client, {
          mutationFn: () => new Promise<void>((resolve) => (finish = resolve)),
        })
        .execute(undefined);
      await vi.advanceTimersByTimeAsync(0);
      expect(messages).toEqual(['drop-copy']);
      // Pending: no copy is asked for, however long it takes (the server does not have it yet).
      await vi.advanceTimersByTimeAsync(10_000);
      expect(messages).toEqual(['drop-copy']);
      finish();
      await action;
      await vi.advanceTimersByTimeAsync(2_900);
      expect(messages).toEqual(['drop-copy']);
      await vi.advanceTimersByTimeAsync(200);
      expect(messages).toEqual(['drop-copy', 'copy-page']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is asked for as a page with changed lists is left, unless an action is still pending', async () => {
    const client = new QueryClient();
    saveCacheOnLeave(client);
    client.setQueryData(inbox, pagesOf(page()));
    window.dispatchEvent(new Event('pagehide'));
    await Promise.resolve();
    expect(messages).toEqual(['copy-page']);
    // Changed again, with an action still on its way: the server's page would show it undone.
    client.setQueryData(inbox, pagesOf(page(), page()));
    void client
      .getMutationCache()
      .build(client, { mutationFn: () => new Promise(() => {}) })
      .execute(undefined);
    window.dispatchEvent(new Event('pagehide'));
    await Promise.resolve();
    expect(messages).toEqual(['copy-page']);
  });
});

describe('with actions waiting in the outbox (another tab’s, a held read, a bulk action)', () => {
  it('asks for no copy: the server does not have them yet', async () => {
    const entry = {
      kind: 'inbox-action',
      key: 'k1',
      owner: 'another-tab',
      createdAt: Date.now(),
      payload: { ids: ['1'], action: 'dismiss' },
      failure: null,
    };
    localStorage.setItem(deviceKey('actions'), JSON.stringify([entry]));
    try {
      const client = new QueryClient();
      saveCacheOnLeave(client);
      client.setQueryData(inbox, pagesOf(page(), page(), page()));
      window.dispatchEvent(new Event('pagehide'));
      await Promise.resolve();
      expect(messages).toEqual([]);
    } finally {
      localStorage.removeItem(deviceKey('actions'));
    }
  });
});
