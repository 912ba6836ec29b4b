import { deviceKey, deviceStorage } from '../lib/device-data.ts';
import { readEntry } from './entry.ts';

/** This scope's storage key for the outbox (store.ts). */
export const outboxKey = () => deviceKey('actions');

/**
 * Whether anything of this kind (or of any kind) waits in the outbox, this tab's or another's: read straight from
 * storage, without the store's code (which is not part of the first screen; src/app/query-client.ts asks this on
 * reconnecting, src/app/persistence.ts before asking for a copy of the page).
 */
export function hasWaiting(kind?: string): boolean {
  try {
    const stored: unknown = JSON.parse(deviceStorage.getItem(outboxKey()) ?? '[]');
    return (
      Array.isArray(stored) &&
      stored.some((value) => {
        const entry = readEntry(value);
        return entry !== null && (kind === undefined || entry.kind === kind);
      })
    );
  } catch {
    return false;
  }
}
