import { useCallback, useSyncExternalStore } from 'react';
import {
  ALERT_SETTINGS_CHANGED,
  ALERT_SETTINGS_KEY,
  readMode,
  type DesktopNotificationMode,
} from './alert-mode.ts';

export { ALERT_SETTINGS_KEY, type DesktopNotificationMode };

/** Hours without desktop notifications, each day from `from` to `to` (HH:MM, may span midnight), in `timeZone`. */
export interface QuietHours {
  on: boolean;
  from: string;
  to: string;
  timeZone: string;
}

export interface AlertSettings {
  mode: DesktopNotificationMode;
  quietHours: QuietHours;
}

const deviceTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

export const defaultAlertSettings = (): AlertSettings => ({
  mode: 'off',
  quietHours: { on: false, from: '22:00', to: '08:00', timeZone: deviceTimeZone() },
});

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (value: unknown): value is string =>
  typeof value === 'string' && HHMM.test(value);

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What is stored, read defensively: anything unexpected falls back to the defaults (off). */
export function parseAlertSettings(raw: string | null): AlertSettings {
  const defaults = defaultAlertSettings();
  let value: unknown = null;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null) return defaults;
  const { mode, quietHours } = value as { mode?: unknown; quietHours?: unknown };
  const quiet = (typeof quietHours === 'object' && quietHours !== null ? quietHours : {}) as Record<
    string,
    unknown
  >;
  return {
    mode: readMode(mode),
    quietHours: {
      on: quiet.on === true,
      from: isClockTime(quiet.from) ? quiet.from : defaults.quietHours.from,
      to: isClockTime(quiet.to) ? quiet.to : defaults.quietHours.to,
      timeZone: isTimeZone(quiet.timeZone) ? quiet.timeZone : defaults.quietHours.timeZone,
    },
  };
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; settings: AlertSettings } | null = null;

export function readAlertSettings(): AlertSettings {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(ALERT_SETTINGS_KEY);
  } catch {
    raw = cached?.raw ?? null;
  }
  if (!cached || cached.raw !== raw) cached = { raw, settings: parseAlertSettings(raw) };
  return cached.settings;
}

export function saveAlertSettings(settings: AlertSettings) {
  const raw = JSON.stringify(settings);
  try {
    localStorage.setItem(ALERT_SETTINGS_KEY, raw);
  } catch {
    // Storage full or refused: the setting holds for this page only.
  }
  cached = { raw, settings };
  for (const listener of listeners) listener();
  window.dispatchEvent(new Event(ALERT_SETTINGS_CHANGED));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === ALERT_SETTINGS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The device's desktop notification settings, shared by every tab (a change in one shows in all). */
export function useAlertSettings() {
  const settings = useSyncExternalStore(subscribe, readAlertSettings, defaultAlertSettings);
  const update = useCallback((change: Partial<AlertSettings>) => {
    saveAlertSettings({ ...readAlertSettings(), ...change });
  }, []);
  return [settings, update] as const;
}
