// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/notifications.ts';
import { setDeviceScope } from '../../lib/device-data.ts';
import { aNotification } from '../../testing/notification-factory.ts';
import { saveAlertSettings, type AlertSettings } from './alert-settings.ts';
import { announceArrivals, excludeFromAlerts, setAlertOpener } from './announce.ts';

/** The browser's Notification, replaced by a recorder (as the e2e tests do). */
class RecordedNotification {
  static permission: NotificationPermission = 'granted';
  static shown: RecordedNotification[] = [];
  onclick: ((event: Event) => void) | null = null;
  closed = false;
  readonly title: string;
  readonly options: NotificationOptions;
  constructor(title: string, options: NotificationOptions) {
    this.title = title;
    this.options = options;
    RecordedNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

const settings = (change: Partial<AlertSettings> = {}): AlertSettings => ({
  mode: 'all',
  quietHours: { on: false, from: '22:00', to: '08:00', timeZone: 'UTC' },
  ...change,
});
const arrival = (change: Partial<Notification> = {}) =>
  aNotification({ lastActionAt: '2030-01-01T10:00:00Z', ...change });
const titles = () => RecordedNotification.shown.map((shown) => shown.title);

beforeEach(() => {
  RecordedNotification.permission = 'granted';
  RecordedNotification.shown = [];
  vi.stubGlobal('Notification', RecordedNotification);
  setDeviceScope('demo');
  saveAlertSettings(settings());
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('announcing arrivals', () => {
  it('shows each new notification once per browser, however many tabs hand it over', async () => {
    const news = arrival();
    // Two tabs learn of it at once, and one again later.
    const counts = await Promise.all([announceArrivals([news]), announceArrivals([news])]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await announceArrivals([news])).toBe(0);
    expect(RecordedNotification.shown).toHaveLength(1);
    // New activity on the same item later is news again.
    expect(await announceArrivals([{ ...news, lastActionAt: '2030-01-01T11:00:00Z' }])).toBe(1);
  });

  it('turns five or more arriving together into one', async () => {
    const five = [1, 2, 3, 4, 5].map((n) => arrival({ mention: n <= 2 }));
    expect(await announceArrivals(five)).toBe(5);
    expect(titles()).toEqual(['5 new notifications · 2 mention you']);
    expect(await announceArrivals([arrival(), arrival()])).toBe(2);
    expect(RecordedNotification.shown).toHaveLength(3);
  });

  it('with "Mentions and important", announces only those', async () => {
    saveAlertSettings(settings({ mode: 'important' }));
    const plain = arrival();
    const mention = arrival({ mention: true });
    const important = arrival({ important: true });
    expect(await announceArrivals([plain, mention, important])).toBe(2);
    expect(RecordedNotification.shown.map((shown) => shown.options.tag)).toEqual([
      `inbox-${mention.id}`,
      `inbox-${important.id}`,
    ]);
  });

  it('announces nothing when off, refused, dismissed (snoozed) or excluded (muted)', async () => {
    saveAlertSettings(settings({ mode: 'off' }));
    expect(await announceArrivals([arrival()])).toBe(0);
    saveAlertSettings(settings());
    RecordedNotification.permission = 'denied';
    expect(await announceArrivals([arrival()])).toBe(0);
    RecordedNotification.permission = 'granted';
    expect(await announceArrivals([arrival({ dismissed: true })])).toBe(0);
    const muted = arrival();
    const stop = excludeFromAlerts((notification) => notification.id === muted.id);
    expect(await announceArrivals([muted])).toBe(0);
    stop();
    expect(RecordedNotification.shown).toHaveLength(0);
  });

  it('inside quiet hours shows nothing, and never shows it afterwards', async () => {
    saveAlertSettings(
      settings({ quietHours: { on: true, from: '22:00', to: '08:00', timeZone: 'UTC' } }),
    );
    const night = () => new Date('2030-01-01T23:00:00Z');
    const morning = () => new Date('2030-01-02T09:00:00Z');
    const news = arrival();
    expect(await announceArrivals([news], night)).toBe(0);
    expect(await announceArrivals([news], morning)).toBe(0);
    expect(await announceArrivals([arrival()], morning)).toBe(1);
  });

  it('a click focuses the app and opens that notification', async () => {
    const opened: (string | null)[] = [];
    setAlertOpener((id) => opened.push(id));
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const news = arrival();
    await announceArrivals([news]);
    const shown = RecordedNotification.shown[0] as RecordedNotification;
    shown.onclick?.(new Event('click'));
    expect(focus).toHaveBeenCalled();
    expect(shown.closed).toBe(true);
    expect(opened).toEqual([news.id]);
    setAlertOpener(null);
  });
});
