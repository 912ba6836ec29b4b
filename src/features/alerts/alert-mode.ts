/** A device setting, like the theme and the reading pane: kept through sign-out (lib/device-data.ts). */
export const ALERT_SETTINGS_KEY = 'inbox.alerts';
/** Told in this tab when the settings change (other tabs hear the storage event). */
export const ALERT_SETTINGS_CHANGED = 'inbox:alerts-changed';

/** Which new notifications become desktop notifications on this device. */
export type DesktopNotificationMode = 'all' | 'important' | 'off';

export const readMode = (value: unknown): DesktopNotificationMode =>
  value === 'all' || value === 'important' ? value : 'off';

/**
 * Just the stored mode, for the app's frame (which decides whether the rest of the code is needed at all): no
 * React and nothing else of the settings, so the first download stays small.
 */
export function storedAlertMode(): DesktopNotificationMode {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(ALERT_SETTINGS_KEY) ?? 'null');
    return readMode(
      typeof stored === 'object' && stored !== null ? (stored as { mode?: unknown }).mode : null,
    );
  } catch {
    return 'off';
  }
}

export function subscribeAlertMode(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === ALERT_SETTINGS_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(ALERT_SETTINGS_CHANGED, listener);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(ALERT_SETTINGS_CHANGED, listener);
  };
}
