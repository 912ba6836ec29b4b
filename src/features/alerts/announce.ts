import type { Notification } from '../../api/notifications.ts';
import { deviceKey, deviceStorage } from '../../lib/device-data.ts';
import { readAlertSettings, type AlertSettings } from './alert-settings.ts';
import { describeArrival, describeArrivals, GROUP_FROM, type AlertText } from './alert-text.ts';
import { isQuietAt } from './quiet-hours.ts';

/**
 * The one seam for desktop notifications: whatever first learns of new notifications (today the arrival watch,
 * arrival-watch.ts; later the replica's sync) hands them to `announceArrivals`. Every rule is here: the device's
 * setting (all, mentions and important, off), quiet hours, snoozed (dismissed) and excluded items, and once per
 * browser however many tabs call it: under a Web Lock, each arrival (a notification at its `lastActionAt`) is
 * recorded in this browser's storage before it is shown, and one already recorded is never shown again.
 */

/** Where a clicked desktop notification goes: set by the app's frame (inside the router). Null: the inbox. */
type Opener = (notificationId: string | null) => void;
let opener: Opener | null = null;
export function setAlertOpener(open: Opener | null) {
  opener = open;
}

/** Other features' say on what is never announced (muted items, say): true excludes the notification. */
type Exclusion = (notification: Notification) => boolean;
const exclusions = new Set<Exclusion>();
export function excludeFromAlerts(exclude: Exclusion): () => void {
  exclusions.add(exclude);
  return () => exclusions.delete(exclude);
}

const ANNOUNCED_KIND = 'alerts-announced';
/** How many recent arrivals are remembered (far more than ever arrive between two polls). */
const REMEMBERED = 500;
const LOCK = 'inbox.alerts.announce';

const arrivalKey = (notification: Notification) =>
  `${notification.id}@${notification.lastActionAt ?? ''}`;

function readAnnounced(): string[] {
  try {
    const value: unknown = JSON.parse(deviceStorage.getItem(deviceKey(ANNOUNCED_KIND)) ?? '[]');
    return Array.isArray(value)
      ? value.filter((key): key is string => typeof key === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Keeps only the arrivals not announced before in this browser, and records them (the caller holds the lock). */
function claimArrivals(notifications: readonly Notification[]): Notification[] {
  const announced = readAnnounced();
  const known = new Set(announced);
  const fresh = notifications.filter((notification) => {
    const key = arrivalKey(notification);
    if (known.has(key)) return false;
    known.add(key);
    announced.push(key);
    return true;
  });
  if (fresh.length > 0)
    deviceStorage.setItem(deviceKey(ANNOUNCED_KIND), JSON.stringify(announced.slice(-REMEMBERED)));
  return fresh;
}

/** Runs `task` alone in this browser (all tabs), where Web Locks exist; else in this tab's turn. */
async function exclusively<T>(task: () => T): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks?.request)
    return navigator.locks.request(LOCK, () => task());
  return task();
}

/** Whether the setting wants this notification announced at all. */
export function wanted(settings: AlertSettings, notification: Notification): boolean {
  if (settings.mode === 'off' || notification.dismissed) return false;
  if (settings.mode === 'important' && !notification.important && !notification.mention)
    return false;
  for (const exclude of exclusions) if (exclude(notification)) return false;
  return true;
}

const canNotify = () =>
  typeof Notification !== 'undefined' && Notification.permission === 'granted';

function show(text: AlertText, notificationId: string | null) {
  const shown = new Notification(text.title, {
    body: text.body,
    icon: '/icon-192.png',
    tag: notificationId ? `inbox-${notificationId}` : 'inbox-arrivals',
    data: { notificationId },
  });
  shown.onclick = (event) => {
    event.preventDefault?.();
    window.focus();
    shown.close();
    opener?.(notificationId);
  };
}

/**
 * Announces new notifications as desktop notifications, as the device's settings say: each once per browser,
 * five or more together as one. Returns how many were announced (0 when off, refused, quiet, or all known).
 */
export async function announceArrivals(
  notifications: readonly Notification[],
  now: () => Date = () => new Date(),
): Promise<number> {
  const settings = readAlertSettings();
  if (!canNotify()) return 0;
  const candidates = notifications.filter((notification) => wanted(settings, notification));
  if (candidates.length === 0) return 0;
  const fresh = await exclusively(() => claimArrivals(candidates));
  // Claimed even inside quiet hours: what arrived then is never announced later.
  if (fresh.length === 0 || isQuietAt(settings.quietHours, now())) return 0;
  if (fresh.length >= GROUP_FROM) show(describeArrivals(fresh), null);
  else for (const notification of fresh) show(describeArrival(notification), notification.id);
  return fresh.length;
}
