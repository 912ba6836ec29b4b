import { outboxKey } from './waiting.ts';
import { readEntry } from './entry.ts';
import { deviceStorage } from '../lib/device-data.ts';

/**
 * The notification ids that actions of this kind waiting in the outbox are about, this tab's or another's: a
 * re-read of the server's lists must not undo them before their answers (src/replica/sync.ts).
 */
export function waitingIds(kind: string): Set<string> {
  const ids = new Set<string>();
  try {
    const stored: unknown = JSON.parse(deviceStorage.getItem(outboxKey()) ?? '[]');
    if (!Array.isArray(stored)) return ids;
    for (const value of stored) {
      const entry = readEntry(value);
      const listed = (entry?.payload as { ids?: unknown } | undefined)?.ids;
      if (entry?.kind !== kind || !Array.isArray(listed)) continue;
      for (const id of listed) if (typeof id === 'string') ids.add(id);
    }
  } catch {
    // Unreadable storage: nothing known to wait.
  }
  return ids;
}
