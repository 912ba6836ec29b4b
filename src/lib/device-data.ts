import { deleteAllReplicas } from '../replica/store.ts';
import { isDeviceCleared, markDeviceCleared } from './device-cleared.ts';

/**
 * What the app keeps on this device (the persisted query cache, queued actions, the service worker's caches)
 * belongs to one backend and one person: its scope (`demo`, `personal:ORG:…`, `team:ORG:PERSON`). Data of any
 * other scope is discarded at start, never replayed; signing out or "Clear data on this device" removes it all.
 */

/** Every key the app writes starts with this; the theme, the reading pane and desktop notifications are device
 * settings, not anyone’s data. */
const PREFIX = 'inbox.';
const KEPT = new Set(['inbox.theme', 'inbox.pane', 'inbox.alerts']);

/** The storage key of a scope's data of one kind, e.g. `inbox.cache:team:42:7`. */
export const scopedKey = (kind: string, scope: string) => `${PREFIX}${kind}:${scope}`;

let currentScope = 'unscoped';

/** Whose data this page keeps: set once, before anything is read or written (the app's ScopedApp does it). */
export function setDeviceScope(scope: string): void {
  currentScope = scope;
}

/** This page's storage key for one kind of data: `inbox.KIND:SCOPE`. */
export const deviceKey = (kind: string) => scopedKey(kind, currentScope);

function keysOf(storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** Is this storage key someone's data, and not of the given scope? */
const isForeign = (key: string, scope: string | null) =>
  key.startsWith(PREFIX) && !KEPT.has(key) && (scope === null || !key.endsWith(`:${scope}`));

function removeKeys(scope: string | null) {
  for (const storage of [safeStorage('localStorage'), safeStorage('sessionStorage')]) {
    if (!storage) continue;
    for (const key of keysOf(storage)) if (isForeign(key, scope)) storage.removeItem(key);
  }
}

function safeStorage(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window[name];
  } catch {
    return null;
  }
}

/** At start: whatever another backend or person left here is removed before anything can read it. */
export function discardOtherScopes(scope: string | null): void {
  removeKeys(scope);
}

/**
 * The local storage every persisted piece of the app writes through: after a clear (sign-out, "Clear data on this
 * device") its writes are dropped, so a throttled save or a page-hide flush cannot put back what was removed.
 */
export const deviceStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
  getItem: (key) => safeStorage('localStorage')?.getItem(key) ?? null,
  setItem: (key, value) => {
    if (!isDeviceCleared()) safeStorage('localStorage')?.setItem(key, value);
  },
  removeItem: (key) => safeStorage('localStorage')?.removeItem(key),
};

/**
 * Removes everything this app keeps on the device but the theme: storage, the inbox's replica, and the service
 * worker with its caches.
 */
export async function clearDeviceData(): Promise<void> {
  // The worker keeps no copy of the page fetched before this (public/sw.js): told while the page still may.
  await dropPageCopy();
  markDeviceCleared();
  removeKeys(null);
  // The inbox's replica (IndexedDB): this tab's closes, and every scope's database goes.
  await deleteAllReplicas();
  try {
    if (typeof caches !== 'undefined') {
      for (const name of await caches.keys()) await caches.delete(name);
    }
  } catch {
    // Cache storage unavailable (private mode): nothing was kept there.
  }
  try {
    const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
    await Promise.all(registrations.map((registration) => registration.unregister()));
  } catch {
    // No service worker here.
  }
}

/**
 * Asks the service worker for a new copy of the page (public/sw.js): its shell, and the Inbox page with its first
 * rows, which the next visit paints at once (docs/decisions/019). When a session ends, the copy is the page as the
 * server now sends it, signed out: an offline reload does not claim someone is still signed in, and no rows of
 * theirs paint. When a page with changed lists is left, the next visit paints them as they are now.
 */
export const refreshCachedPage = () => tellWorker('copy-page');

/**
 * Drops the worker's copy of the Inbox page: this person just changed something in it (an action taken), and the
 * next visit must not paint it as it was. A new copy is asked for once the server has every action
 * (src/app/persistence.ts).
 */
export const dropPageCopy = () => tellWorker('drop-copy');

async function tellWorker(message: string): Promise<void> {
  if (isDeviceCleared()) return;
  try {
    // This page's worker at once (a page being left has no time to wait), or the one that is installing it.
    const worker =
      navigator.serviceWorker?.controller ??
      (await navigator.serviceWorker?.getRegistration())?.active;
    worker?.postMessage(message);
  } catch {
    // No service worker here: nothing is kept.
  }
}

const CHANNEL = 'inbox-session';
const SIGNAL_KEY = 'inbox.signal.signed-out';

/** Tells every other tab of this browser that the person signed out (or cleared the device). */
export function announceSignedOut(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ type: 'signed-out' });
    channel.close();
  } catch {
    // Older browsers: the storage event below reaches them.
  }
  try {
    localStorage.setItem(SIGNAL_KEY, String(Date.now()));
    localStorage.removeItem(SIGNAL_KEY);
  } catch {
    // Storage unavailable.
  }
}

/** Calls back when another tab signs out or clears the device. */
export function onSignedOutElsewhere(listener: () => void): () => void {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<{ type?: unknown }>) => {
      if (event.data?.type === 'signed-out') listener();
    };
  } catch {
    channel = null;
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key === SIGNAL_KEY && event.newValue) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    channel?.close();
    window.removeEventListener('storage', onStorage);
  };
}
