// @vitest-environment jsdom
import { onlineManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canReachServer,
  connectOnlineManager,
  reportAnswer,
  reportNoAnswer,
  serverReach,
} from './connection.ts';

describe('the connection, as measured', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is unknown until a request says otherwise, and React Query follows it', () => {
    connectOnlineManager();
    expect(serverReach()).toBe('unknown');
    expect(onlineManager.isOnline()).toBe(true);
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    reportNoAnswer();
    expect(canReachServer()).toBe(false);
    expect(onlineManager.isOnline()).toBe(false);
    reportAnswer();
    expect(canReachServer()).toBe(true);
    expect(onlineManager.isOnline()).toBe(true);
  });

  it('asks again every second while the server cannot be reached, and is online once it answers', async () => {
    connectOnlineManager();
    vi.useFakeTimers();
    let up = false;
    const fetch = vi.fn(() =>
      up ? Promise.resolve(new Response('{}')) : Promise.reject(new TypeError('Failed to fetch')),
    );
    vi.stubGlobal('fetch', fetch);
    reportNoAnswer();
    await vi.advanceTimersByTimeAsync(3100);
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(onlineManager.isOnline()).toBe(false);
    up = true;
    await vi.advanceTimersByTimeAsync(1100);
    expect(serverReach()).toBe('reachable');
    expect(onlineManager.isOnline()).toBe(true);
    const calls = fetch.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetch.mock.calls.length).toBe(calls);
  });
});
