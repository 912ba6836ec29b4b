// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDeviceData, discardOtherScopes, scopedKey } from './device-data.ts';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('device data', () => {
  it('keeps only the current scope’s data (and the theme) at start', () => {
    localStorage.setItem('inbox.theme', 'dark');
    localStorage.setItem('inbox.cache', 'legacy, from before scopes');
    localStorage.setItem(scopedKey('cache', 'demo'), 'demo data');
    localStorage.setItem(scopedKey('cache', 'team:4242:501'), 'Ana');
    localStorage.setItem(scopedKey('queue', 'team:4242:501'), 'Ana’s queue');
    localStorage.setItem(scopedKey('cache', 'team:4242:502'), 'Marko');
    localStorage.setItem(scopedKey('cache', 'xteam:4242:501'), 'look-alike');
    localStorage.setItem('another-app', 'not ours');
    sessionStorage.setItem(scopedKey('draft', 'demo'), 'demo draft');

    discardOtherScopes('team:4242:501');

    expect(Object.keys({ ...localStorage }).sort()).toEqual([
      'another-app',
      'inbox.cache:team:4242:501',
      'inbox.queue:team:4242:501',
      'inbox.theme',
    ]);
    expect(sessionStorage.length).toBe(0);
  });

  it('clears everything of the app but the theme', async () => {
    localStorage.setItem('inbox.theme', 'dark');
    localStorage.setItem(scopedKey('cache', 'demo'), 'demo data');
    localStorage.setItem('another-app', 'not ours');
    await clearDeviceData();
    expect(Object.keys({ ...localStorage }).sort()).toEqual(['another-app', 'inbox.theme']);
  });

  it('keeps the device’s settings (theme, pane, desktop notifications), not what was announced', async () => {
    for (const key of ['inbox.theme', 'inbox.pane', 'inbox.alerts'])
      localStorage.setItem(key, '{}');
    localStorage.setItem(scopedKey('alerts-announced', 'demo'), '["1@2030"]');
    discardOtherScopes('team:4242:501');
    expect(Object.keys({ ...localStorage }).sort()).toEqual([
      'inbox.alerts',
      'inbox.pane',
      'inbox.theme',
    ]);
    await clearDeviceData();
    expect(Object.keys({ ...localStorage }).sort()).toEqual([
      'inbox.alerts',
      'inbox.pane',
      'inbox.theme',
    ]);
  });
});

describe('device storage after a clear', () => {
  it('drops writes, so nothing held in memory can be put back', async () => {
    vi.resetModules();
    const fresh = await import('./device-data.ts');
    fresh.deviceStorage.setItem(scopedKey('cache', 'demo'), 'before');
    expect(localStorage.getItem('inbox.cache:demo')).toBe('before');
    await fresh.clearDeviceData();
    fresh.deviceStorage.setItem(scopedKey('cache', 'demo'), 'a late, throttled save');
    expect(localStorage.getItem('inbox.cache:demo')).toBeNull();
  });
});
