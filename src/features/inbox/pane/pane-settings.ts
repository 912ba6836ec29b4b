import { useCallback, useSyncExternalStore } from 'react';

/** Which notification opens after the open one is dismissed (Productive's inbox mode asks the same). */
export type AfterDismiss = 'next' | 'previous';

export interface PaneSettings {
  /** The pane's width in CSS pixels. */
  width: number;
  afterDismiss: AfterDismiss;
}

/** A device setting, like the theme: kept through sign-out, never anyone's data. */
export const PANE_SETTINGS_KEY = 'inbox.pane';
export const PANE_WIDTH = { min: 360, default: 560, max: 960 } as const;
export const DEFAULT_PANE_SETTINGS: PaneSettings = {
  width: PANE_WIDTH.default,
  afterDismiss: 'next',
};

export const clampPaneWidth = (width: number, max: number = PANE_WIDTH.max) =>
  Math.round(Math.min(Math.max(PANE_WIDTH.min, max), Math.max(PANE_WIDTH.min, width)));

/** What is stored, read defensively: anything unexpected falls back to the defaults. */
export function parsePaneSettings(raw: string | null): PaneSettings {
  let value: unknown = null;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  const { width, afterDismiss } = (value ?? {}) as Partial<Record<keyof PaneSettings, unknown>>;
  return {
    width:
      typeof width === 'number' && Number.isFinite(width)
        ? clampPaneWidth(width)
        : DEFAULT_PANE_SETTINGS.width,
    afterDismiss: afterDismiss === 'previous' ? 'previous' : 'next',
  };
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; settings: PaneSettings } | null = null;

function read(): PaneSettings {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PANE_SETTINGS_KEY);
  } catch {
    raw = null;
  }
  if (!cached || cached.raw !== raw) cached = { raw, settings: parsePaneSettings(raw) };
  return cached.settings;
}

function write(settings: PaneSettings) {
  try {
    localStorage.setItem(PANE_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or refused: the setting holds for this page only.
    cached = { raw: null, settings };
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PANE_SETTINGS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The reading pane's remembered width and after-dismiss choice, shared by every tab of this device. */
export function usePaneSettings() {
  const settings = useSyncExternalStore(subscribe, read, () => DEFAULT_PANE_SETTINGS);
  const update = useCallback((change: Partial<PaneSettings>) => {
    const next = { ...read(), ...change };
    write({ ...next, width: clampPaneWidth(next.width) });
  }, []);
  return [settings, update] as const;
}
